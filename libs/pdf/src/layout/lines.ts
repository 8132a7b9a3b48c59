import { SAME_LINE_TEXT, sameBaseline, spanOverlap } from '../geometry.js';
import { Line, TextRun } from '../model.js';
import { normalizeText } from './text-normalize.js';
import { isListMarker } from './markers.js';
import { isCaptionLabel } from '../classify/captions.js';

export type { Line };

/** Gaps (in font sizes) wider than a word space: split when a gutter recurs on other lines, or always. */
const GUTTER_GAP = 0.9;
const ALWAYS_SPLIT_GAP = 2.5;
/** Code aligns its tokens with gaps of any width: only a gap this wide parts two columns of it. */
const CODE_SPLIT_GAP = 8;
/** Share of a line's characters set in a monospaced font for it to be a line of code. */
const MONO_LINE = 0.85;
/** Lines a gutter must cross, besides the one being split, to count as a column boundary. */
const GUTTER_LINES = 2;

/**
 * Groups runs into lines; a line is split where its gap lines up with gaps on other lines (a column
 * gutter or table column), or where the gap is too wide for any word space. Justified text has wide
 * word spaces too, but they do not line up.
 */
export function buildLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.base - a.base || a.x0 - b.x0);
  const bands: TextRun[][] = [];
  let band: TextRun[] = [];
  for (const run of sorted) {
    if (band.length && (!sameBand(band, run) || stacked(band, run))) {
      // A script set a little lower than its line may come after a line of the other column in
      // baseline order: it goes back to the line it stands beside.
      const home = [band, ...bands.slice(-SCRIPT_LOOKBACK)].find((b) => besideScript(b, run));
      if (home) {
        home.push(run);
        continue;
      }
      bands.push(band);
      band = [];
    }
    band.push(run);
  }
  if (band.length) bands.push(band);
  const byX = bands.map((b) => [...b].sort((x, y) => x.x0 - y.x0));
  const gaps = byX.map(candidateGaps);
  const all = gaps.flat();
  return byX.flatMap((b, i) => splitAtGaps(b, gaps[i], all)).map(makeLine);
}

interface Gap {
  x0: number;
  x1: number;
  size: number;
  /** Index of the run right after the gap. */
  at: number;
  /** Left side is a bullet or a caption's label close to its text: keep it with its text. */
  marker: boolean;
  /**
   * Left side is a number and a word follows: a section number with its title, kept together unless
   * the gap lines up with column gaps of other lines (then the number is a table's cell).
   */
  numbered: boolean;
  /** Both sides are monospaced: code, whose tokens align in columns from line to line. */
  code: boolean;
}

function candidateGaps(runs: TextRun[]): Gap[] {
  const out: Gap[] = [];
  let right = runs[0]?.x1 ?? 0;
  let start = 0;
  for (let i = 1; i < runs.length; i++) {
    const size = Math.max(runs[i].size, runs[i - 1].size);
    // Against the smaller size: a column gutter beside a heading is as narrow as beside body text.
    if (runs[i].x0 - right > GUTTER_GAP * Math.min(runs[i].size, runs[i - 1].size)) {
      const head = runs
        .slice(start, i)
        .map((r) => r.text)
        .join('')
        .trim();
      // A symbol far from the next word is a table cell of its own (a tick or star column), not a bullet.
      // A section number is followed by its title; a number followed by another number is a table's cell.
      const gap = runs[i].x0 - right;
      const numbered = /^\d{1,2}(\.\d{1,2})*\.?$/.test(head) && /^\s*\p{L}/u.test(runs[i].text);
      const marker =
        (isListMarker(head) || isCaptionLabel(head)) && gap <= ALWAYS_SPLIT_GAP * size && !numbered;
      const code = runs[i].mono && runs[i - 1].mono;
      out.push({ x0: right, x1: runs[i].x0, size, at: i, marker, numbered, code });
      start = i;
    }
    right = Math.max(right, runs[i].x1);
  }
  return out;
}

/** Lines back that a lowered script may belong to. */
const SCRIPT_LOOKBACK = 3;

/**
 * A run smaller than a run of the band that it touches, on that run's baseline: a sub- or superscript
 * of that run's line, even when the band's tallest run (another column's line) stands higher.
 */
function besideScript(band: TextRun[], run: TextRun): boolean {
  return band.some(
    (b) =>
      run.size < 0.85 * b.size &&
      run.x0 <= b.x1 + 0.3 * b.size &&
      run.x1 >= b.x0 - 0.3 * b.size &&
      sameBand([b], run),
  );
}

function sameBand(band: TextRun[], run: TextRun): boolean {
  // Compare against the band's main runs so that a superscript does not drag the band downwards.
  const main = band.reduce((a, b) => (b.size > a.size ? b : a));
  const overlap = spanOverlap(main.y0, main.y1, run.y0, run.y1);
  const minHeight = Math.min(main.y1 - main.y0, run.y1 - run.y0);
  return overlap > 0.5 * minHeight && sameBaseline(main, run, SAME_LINE_TEXT * Math.max(main.size, run.size));
}

/**
 * A stretch of text set under a stretch of the band in the same size, not beside it, is the next line:
 * it can reach the band only through something taller in another column (a large heading in a
 * sidebar). Short runs stacked on each other are a formula's scripts, which stay on their line.
 */
function stacked(band: TextRun[], run: TextRun): boolean {
  const long = (r: TextRun) => r.x1 - r.x0 > 4 * r.size;
  return band.some(
    (b) =>
      long(b) &&
      long(run) &&
      Math.min(b.x1, run.x1) - Math.max(b.x0, run.x0) > 0 &&
      Math.abs(b.size - run.size) < 0.1 * run.size &&
      Math.abs(b.base - run.base) > 0.5 * run.size,
  );
}

function splitAtGaps(runs: TextRun[], gaps: Gap[], all: Gap[]): TextRun[][] {
  // Gaps that overlap by half the narrower one (or, when `strict`, the wider one) line up.
  const crosses = (g: Gap, others: Gap[], strict = false) => {
    let crossing = 0;
    for (const o of others) {
      if (o === g) continue;
      const overlap = Math.min(g.x1, o.x1) - Math.max(g.x0, o.x0);
      const widths = [g.x1 - g.x0, o.x1 - o.x0];
      if (overlap > 0.5 * (strict ? Math.max(...widths) : Math.min(...widths))) crossing++;
      if (crossing >= GUTTER_LINES) return true;
    }
    return false;
  };
  const cuts = gaps
    .filter((g) => {
      if (g.marker) return false;
      if (g.code) return g.x1 - g.x0 > CODE_SPLIT_GAP * g.size;
      // Section numbers line up with one another, and under a wide gap beside a short line in the
      // next column; a number cell's gap lines up with the gaps between the cells of the other rows.
      if (g.numbered)
        return crosses(
          g,
          all.filter((o) => !o.numbered && !o.marker),
          true,
        );
      if (g.x1 - g.x0 > ALWAYS_SPLIT_GAP * g.size) return true;
      return crosses(g, all);
    })
    .map((g) => g.at);
  const out: TextRun[][] = [];
  let from = 0;
  for (const at of [...cuts, runs.length]) {
    if (at > from) out.push(runs.slice(from, at));
    from = at;
  }
  return out;
}

export function makeLine(runs: TextRun[]): Line {
  const rtlChars = runs.filter((r) => r.rtl).reduce((n, r) => n + r.text.length, 0);
  const chars = runs.reduce((n, r) => n + r.text.length, 0);
  const rtl = rtlChars > chars / 2;
  const ordered = [...runs].sort((a, b) => (rtl ? b.x1 - a.x1 : a.x0 - b.x0));
  let text = '';
  let prev: TextRun | undefined;
  for (const run of ordered) {
    if (prev) {
      const gap = rtl ? prev.x0 - run.x1 : run.x0 - prev.x1;
      const spaced = /\s$/.test(text) || /^\s/.test(run.text);
      if (!spaced && gap > 0.15 * Math.min(prev.size, run.size)) text += ' ';
    }
    text += run.text;
    prev = run;
  }
  const weight = (pick: (r: TextRun) => boolean) =>
    runs.filter(pick).reduce((n, r) => n + r.text.trim().length, 0) > chars * 0.5;
  const sizes = new Map<number, number>();
  for (const r of runs) {
    const key = Math.round(r.size * 2) / 2;
    sizes.set(key, (sizes.get(key) ?? 0) + r.text.trim().length);
  }
  const size = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const main = runs.filter((r) => Math.abs(r.size - size) < 0.6);
  return {
    runs: ordered,
    bbox: [
      Math.min(...runs.map((r) => r.x0)),
      Math.min(...runs.map((r) => r.y0)),
      Math.max(...runs.map((r) => r.x1)),
      Math.max(...runs.map((r) => r.y1)),
    ],
    base: (main.length ? main : runs).reduce((s, r) => s + r.base, 0) / (main.length || runs.length),
    size,
    text: normalizeText(text.replace(/\s+/g, ' ').trim()),
    bold: weight((r) => r.bold),
    italic: weight((r) => r.italic),
    // A line of code is monospaced throughout; a sentence ending in a long monospaced name is not.
    mono: monoShare(runs) > MONO_LINE,
    rtl,
  };
}

/** Share of the line's visible characters set in a monospaced font. */
function monoShare(runs: TextRun[]): number {
  const visible = (r: TextRun) => r.text.replace(/\s+/g, '').length;
  const all = runs.reduce((n, r) => n + visible(r), 0);
  return all ? runs.filter((r) => r.mono).reduce((n, r) => n + visible(r), 0) / all : 0;
}
