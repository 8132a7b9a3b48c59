import { boxContains, runBox } from '../geometry.js';
import { PagePath, TextRun } from '../model.js';
import { pageBoxOf } from './render.js';

/** Pixels darker than this are ink (light grey rules of coloured tables included). */
const INK = 160;
/** A rule is at least this long (points): shorter dark runs are glyph strokes. */
const MIN_RULE_PT = 24;
/** And thinner than this (points): thicker dark runs are shading, bars or pictures. */
const MAX_RULE_PT = 2.4;
/** What Tesseract reads a table's vertical rule as, where the rule passes through a line. */
export const RULE_GLYPH = /^[|!lI1[\]]$/;
/** A glyph's stroke may stand out of its word's box by this much (points). */
const STROKE_SLACK_PT = 1;
/** A rule has paper along this share of one of its sides at least. */
const PAPER_BESIDE = 0.5;
/** Breaks a scan leaves in a printed line (dust, a faint toner dot), in pixels, bridged. */
const GAP_PX = 2;

interface Segment {
  /** Along the line: first and last pixel. */
  from: number;
  to: number;
  /** Across it: first and last row (or column). */
  first: number;
  last: number;
}

/**
 * The straight rules a scanned page shows (table grids, underlines), found in its pixels, as the
 * thin painted paths the ruled-table stage reads on born-digital pages. Dark runs inside recognised
 * words are glyph strokes and are left out.
 */
export function rulesFromPixels(
  gray: Uint8Array,
  width: number,
  height: number,
  scale: number,
  pageHeight: number,
  words: TextRun[],
): PagePath[] {
  const minLength = MIN_RULE_PT * scale;
  const maxThickness = MAX_RULE_PT * scale;
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= width || y >= height ? 255 : gray[y * width + x];
  const horizontal = lines(rowRuns(gray, width, height, minLength), maxThickness).filter((s) =>
    paperBeside(s, at),
  );
  const vertical = lines(columnRuns(gray, width, height, minLength), maxThickness).filter((s) =>
    paperBeside(s, (along, across) => at(across, along)),
  );
  const paths: PagePath[] = [];
  // Segments name their first and last pixels: the box runs to the far edge of the last.
  const toPage = (x0: number, y0: number, x1: number, y1: number) =>
    pageBoxOf([x0, y0, x1 + 1, y1 + 1], scale, pageHeight);
  for (const s of horizontal) paths.push(rule(toPage(s.from, s.first, s.to, s.last)));
  for (const s of vertical) paths.push(rule(toPage(s.first, s.from, s.last, s.to)));
  return paths.filter((p) => !insideWord(p.bbox, words));
}

/**
 * Whether a line has paper along one side at least (`PAPER_BESIDE` of its length): a rule is drawn
 * on the page, while the dark runs between the light letters of a dark panel (a cover's sidebar, a
 * banner) have the panel on both sides. `gray` reads a pixel by its place along and across the line.
 */
function paperBeside(s: Segment, gray: (along: number, across: number) => number): boolean {
  const length = s.to - s.from + 1;
  for (const across of [s.first - 1, s.last + 1]) {
    let paper = 0;
    for (let along = s.from; along <= s.to; along++) if (gray(along, across) >= INK) paper++;
    if (paper >= PAPER_BESIDE * length) return true;
  }
  return false;
}

function rule(bbox: PagePath['bbox']): PagePath {
  return { bbox, stroked: false, filled: true, straight: true };
}

/** Long thin dark runs along one direction (runs on neighbouring rows joined into one line). */
function lines(runsByRow: [number, number][][], maxThickness: number): Segment[] {
  const done: Segment[] = [];
  let open: Segment[] = [];
  for (let row = 0; row <= runsByRow.length; row++) {
    const runs = runsByRow[row] ?? [];
    const next: Segment[] = [];
    for (const [from, to] of runs) {
      const joined = open.find((s) => s.last === row - 1 && from <= s.to && to >= s.from);
      if (joined) {
        joined.from = Math.min(joined.from, from);
        joined.to = Math.max(joined.to, to);
        joined.last = row;
        if (!next.includes(joined)) next.push(joined);
      } else {
        next.push({ from, to, first: row, last: row });
      }
    }
    for (const s of open) if (!next.includes(s)) done.push(s);
    open = next;
  }
  return done.filter((s) => s.last - s.first + 1 <= maxThickness);
}

/**
 * Each row's dark runs at least `minLength` long, breaks up to `GAP_PX` bridged. The loops read the
 * pixels in memory order: they run over every pixel of a page of millions.
 */
function rowRuns(gray: Uint8Array, width: number, height: number, minLength: number): [number, number][][] {
  const rows: [number, number][][] = [];
  for (let y = 0; y < height; y++) {
    const runs: [number, number][] = [];
    const line = y * width;
    let start = -1;
    let lastInk = -1;
    for (let x = 0; x < width; x++) {
      if (gray[line + x] >= INK) continue;
      if (start < 0 || x - lastInk > GAP_PX + 1) {
        if (start >= 0 && lastInk - start + 1 >= minLength) runs.push([start, lastInk]);
        start = x;
      }
      lastInk = x;
    }
    if (start >= 0 && lastInk - start + 1 >= minLength) runs.push([start, lastInk]);
    rows.push(runs);
  }
  return rows;
}

/** Each column's dark runs, as `rowRuns`, read row by row with every column's open run at hand. */
function columnRuns(
  gray: Uint8Array,
  width: number,
  height: number,
  minLength: number,
): [number, number][][] {
  const columns: [number, number][][] = Array.from({ length: width }, () => []);
  const start = new Int32Array(width).fill(-1);
  const lastInk = new Int32Array(width).fill(-1);
  const close = (x: number) => {
    if (start[x] >= 0 && lastInk[x] - start[x] + 1 >= minLength) columns[x].push([start[x], lastInk[x]]);
  };
  for (let y = 0; y < height; y++) {
    const line = y * width;
    for (let x = 0; x < width; x++) {
      if (gray[line + x] >= INK) continue;
      if (start[x] < 0 || y - lastInk[x] > GAP_PX + 1) {
        close(x);
        start[x] = y;
      }
      lastInk[x] = y;
    }
  }
  for (let x = 0; x < width; x++) close(x);
  return columns;
}

/**
 * A run whose middle lies in a recognised word is one of its strokes, except a rule that Tesseract
 * read as a glyph where it crosses a line (a table's column rule as a lone "|"): reaching beyond
 * that word, it is the rule, and the word does not take it from the table.
 */
function insideWord(box: PagePath['bbox'], words: TextRun[]): boolean {
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  return words.some(
    (w) =>
      cx > w.x0 &&
      cx < w.x1 &&
      cy > w.y0 &&
      cy < w.y1 &&
      (!RULE_GLYPH.test(w.text) || boxContains(runBox(w), box, STROKE_SLACK_PT)),
  );
}
