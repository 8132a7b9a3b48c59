import { Line } from '../model.js';

/** A line that is one link (a URL or an e-mail address), maybe after a footnote number. */
const LONE_LINK = /^(\d{1,3}\s+)?(\S+:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+)[.,;]?$/;

/**
 * A code listing: lines set in a monospaced font throughout, with words in them. Links are set in
 * one too (a URL in a footnote, an address in a byline): lines that are nothing but links are not
 * code.
 */
export function isCodeBlock(lines: Line[]): boolean {
  if (!lines.every((l) => l.mono) || lines.every((l) => LONE_LINK.test(l.text))) return false;
  // Symbol fonts of a few glyphs of one width pass for monospaced: a formula's signs are not code.
  return lines.some((l) => /[\p{L}\p{N}].*[\p{L}\p{N}]/u.test(l.text));
}

/** The listing's text, its lines kept and each indented as set. */
export function codeText(lines: Line[]): string {
  const left = Math.min(...lines.map((l) => l.bbox[0]));
  const advance = charAdvance(lines);
  const indents = codeIndents(
    lines.map((l) => l.bbox[0] - left),
    advance,
  );
  const pitch = linePitch(lines);
  return lines
    .map((l, i) => {
      const text = ' '.repeat(Math.min(indents[i], 40)) + alignedText(l, advance);
      // A listing's blank lines show as wider steps between its lines.
      const step = i ? lines[i - 1].base - l.base : 0;
      const blanks = pitch && step > 1.5 * pitch ? Math.min(2, Math.max(1, Math.round(step / pitch) - 1)) : 0;
      return '\n'.repeat(blanks) + text;
    })
    .join('\n');
}

/** The usual step between the baselines of consecutive lines, or 0 for a single line. */
function linePitch(lines: Line[]): number {
  const steps = lines
    .slice(1)
    .map((l, i) => lines[i].base - l.base)
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  // The lower median: with only two steps, the smaller is the usual one.
  return steps[Math.floor((steps.length - 1) / 2)] ?? 0;
}

/**
 * Whether the listing `next` goes on the listing `prev` ended: set right under it in the same size,
 * no more than a few blank lines down, overlapping it across.
 */
export function continuesCode(prev: Line[], next: Line[]): boolean {
  const last = prev[prev.length - 1];
  const first = next[0];
  const step = last.base - first.base;
  const left = Math.min(...prev.map((l) => l.bbox[0]));
  const right = Math.max(...prev.map((l) => l.bbox[2]));
  return (
    Math.abs(last.size - first.size) < 0.5 &&
    step > 0 &&
    step < 3.5 * last.size &&
    Math.min(right, first.bbox[2]) > Math.max(left, first.bbox[0])
  );
}

/**
 * A code line's text with the gaps between its runs kept as the columns they span: tokens aligned
 * from line to line stay aligned.
 */
function alignedText(line: Line, advance: number): string {
  if (line.runs.length < 2) return line.text;
  const start = line.runs[0].x0;
  let text = '';
  let right = start;
  for (const run of line.runs) {
    const piece = run.text.trim();
    if (!piece) continue;
    if (text) {
      const gap = run.x0 - right;
      const column = Math.round((run.x0 - start) / advance);
      const spaced = gap > 0.15 * run.size || /\s$/.test(text) ? 1 : 0;
      text = text.trimEnd();
      text += ' '.repeat(Math.max(spaced, column - text.length));
    }
    text += piece;
    right = run.x1;
  }
  return text;
}

/**
 * The advance of one character of a monospaced block: the median over its words (runs without a
 * space, whose width is their characters' advances), else over whole lines.
 */
export function charAdvance(lines: Line[]): number {
  const words = lines.flatMap((l) => l.runs).filter((r) => /^\S{2,}$/.test(r.text));
  const widths = (words.length ? words : lines).map((w) =>
    'runs' in w ? (w.bbox[2] - w.bbox[0]) / Math.max(1, w.text.length) : (w.x1 - w.x0) / w.text.length,
  );
  widths.sort((a, b) => a - b);
  return Math.max(widths[Math.floor(widths.length / 2)] ?? 1, 0.5);
}

/**
 * Indents in characters for lines that start `offsets` points right of the block's left edge. Code is
 * indented in steps: when every indent is a whole number of the smallest one, that step is counted in
 * characters once and multiplied, so that small errors in the measured advance do not add up.
 */
export function codeIndents(offsets: number[], advance: number): number[] {
  const positive = offsets.filter((o) => o > 0.5 * advance);
  const step = positive.length ? Math.min(...positive) : 0;
  const stepped = step > 0 && positive.every((o) => Math.abs(o / step - Math.round(o / step)) < 0.2);
  const unit = stepped ? Math.max(1, Math.round(step / advance)) : 0;
  return offsets.map((o) =>
    o <= 0.5 * advance ? 0 : stepped ? Math.round(o / step) * unit : Math.round(o / advance),
  );
}
