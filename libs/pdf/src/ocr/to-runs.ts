import { placedRun } from '../extract/placed-run.js';
import { PagePath, TextRun, wordCharCount } from '../model.js';
import { OcrLine, OcrWord, baselineAt } from './hocr.js';
import { imageBoxOf } from './render.js';
import { RULE_GLYPH } from './rules.js';
import { isRightToLeft } from './scripts.js';
import { unspacedWords } from './word-spacing.js';
import { columnStarts } from './column-starts.js';

/**
 * Line heights within this share of the page's commonest one are that size: Tesseract's estimate
 * wavers by a pixel or two from line to line, which would otherwise read as changes of font size.
 */
const SAME_SIZE_SHARE = 0.12;
/** A paragraph's lines are set at most this many font sizes apart, baseline to baseline. */
export const PARAGRAPH_LEADING = 1.6;

/**
 * Words closer than this (in font sizes) are one phrase: a word space, even a justified line's widest.
 * Wider gaps stay gaps between runs, where the line stage looks for columns and table cells.
 */
const PHRASE_GAP = 0.8;
/** An unread word this wide (in font sizes) at least still holds its place in a phrase. */
const MIN_UNREAD_WORD = 0.5;
/**
 * A lone bar this close (in font sizes) to a vertical rule is that rule: Tesseract's box for a rule
 * it reads as a glyph may stop short of the rule's middle (measured: a fifth of the bar's box width).
 */
const RULE_GLYPH_REACH = 0.25;

/** Recognised words as text runs in page space, one run per word (for finding the scan's rules). */
export function ocrWords(lines: OcrLine[], scale: number, pageHeight: number): TextRun[] {
  return toRuns(lines, scale, pageHeight, () => false);
}

/**
 * Recognised words as text runs in page space (points, origin bottom-left), one run per phrase of a
 * line (words a word space apart, no rule between them), as a born-digital page's text comes in runs
 * of words: one run per word would give the line stage every word space as a gap, and the gaps of a
 * paragraph's lines meet by chance often enough to look like a column gutter. A lone bar standing on
 * one of the scan's vertical `rules` is that rule, not text. `scale` is the render's pixels per point;
 * the render covers the whole displayed page.
 */
export function ocrRuns(
  lines: OcrLine[],
  scale: number,
  pageHeight: number,
  rules: PagePath[] = [],
): TextRun[] {
  const vertical = rules
    .map((r) => r.bbox)
    .filter(([x0, y0, x1, y1]) => y1 - y0 > x1 - x0)
    .map((box) => imageBoxOf(box, scale, pageHeight));
  const crossing = (left: number, right: number, top: number, bottom: number) =>
    vertical.some(
      ([x0, y0, x1, y1]) => (x0 + x1) / 2 > left && (x0 + x1) / 2 < right && y0 < bottom && y1 > top,
    );
  const kept = lines
    .map((line) => {
      const reach = Math.max(1, RULE_GLYPH_REACH * line.fontSize);
      const onRule = (w: OcrWord) =>
        RULE_GLYPH.test(w.text) && crossing(w.box[0] - reach, w.box[2] + reach, w.box[1], w.box[3]);
      return { ...line, words: line.words.filter((w) => !onRule(w)) };
    })
    .filter((line) => line.words.length);
  const starts = columnStarts(kept, PHRASE_GAP);
  return toRuns(
    kept,
    scale,
    pageHeight,
    (a, b, size, line) =>
      bridged(a.box[2], b.box[0], line.unread ?? [], size) &&
      !crossing(a.box[2], b.box[0], a.box[1], a.box[3]),
    starts,
  );
}

/**
 * The line cut into its phrases, each a line of its own: words closer than `PHRASE_GAP` stay
 * together (unread words not counted). What stands apart on one line (two sub-figures' captions,
 * a chart's tick values) is judged phrase by phrase.
 */
export function linePhrases(line: OcrLine): OcrLine[] {
  const ordered = [...line.words].sort((a, b) => a.box[0] - b.box[0]);
  const phrases = phrasesOf(ordered, (a, b) => b.box[0] - a.box[2] <= PHRASE_GAP * line.fontSize);
  if (phrases.length === 1) return [line];
  return phrases.map((words) => ({
    ...line,
    box: [words[0].box[0], line.box[1], words[words.length - 1].box[2], line.box[3]],
    words,
  }));
}

/** Words (left to right) grouped into phrases: each joins the one before it where `together` says so. */
function phrasesOf(ordered: OcrWord[], together: (a: OcrWord, b: OcrWord) => boolean): OcrWord[][] {
  const phrases: OcrWord[][] = [];
  for (const word of ordered) {
    const last = phrases[phrases.length - 1];
    if (last && together(last[last.length - 1], word)) last.push(word);
    else phrases.push([word]);
  }
  return phrases;
}

/**
 * Whether the gap from `left` to `right` is a phrase's where no unread word fills it. Only a word's
 * width fills it: a narrow mark (a rule read as a glyph) sits in the gutter between table cells.
 */
function bridged(left: number, right: number, unread: OcrLine['unread'] & object, sizePx: number): boolean {
  const gap = PHRASE_GAP * sizePx;
  let at = left;
  const within = unread
    .filter((box) => box[0] >= left - 1 && box[2] <= right + 1 && box[2] - box[0] >= MIN_UNREAD_WORD * sizePx)
    .sort((a, b) => a[0] - b[0]);
  for (const box of within) {
    if (box[0] - at > gap) return false;
    at = Math.max(at, box[2]);
  }
  return right - at <= gap;
}

/**
 * `join` says whether two neighbouring words of a line (left to right) are one run; a word in
 * `starts` starts a run, at the x given there (a table column's edge).
 */
function toRuns(
  lines: OcrLine[],
  scale: number,
  pageHeight: number,
  join: (a: OcrWord, b: OcrWord, sizePx: number, line: OcrLine) => boolean,
  starts = new Map<OcrWord, number>(),
): TextRun[] {
  const measured = lines.map((line) => line.fontSize / scale);
  const sizes = steadySizes(lines, measured, commonSize(lines, measured), scale);
  const runs: TextRun[] = [];
  for (const [i, line] of lines.entries()) {
    const size = sizes[i];
    const rtl = isRightToLeft(line.words.map((w) => w.text).join(''));
    const ordered = [...line.words].sort((a, b) => a.box[0] - b.box[0]);
    const unspaced = unspacedWords(ordered, size * scale);
    const together = (a: OcrWord, b: OcrWord) => !starts.has(b) && join(a, b, size * scale, line);
    for (const phrase of phrasesOf(ordered, together)) {
      const left = starts.get(phrase[0]) ?? phrase[0].box[0];
      const right = phrase[phrase.length - 1].box[2];
      const text = rtl
        ? [...phrase]
            .reverse()
            .map((w) => w.text)
            .join(' ')
        : phrase.map((w, k) => (k && !unspaced.has(w) ? ' ' : '') + w.text).join('');
      const base = pageHeight - baselineAt(line, (left + right) / 2) / scale;
      runs.push(
        placedRun(text, left / scale, right / scale, base, size, {
          rtl,
          bold: !!line.bold,
          italic: !!line.italic,
        }),
      );
    }
  }
  return runs;
}

/**
 * Each line's size to half a point, lines near the page's commonest size at that size: those within
 * `SAME_SIZE_SHARE` of it, and those within twice that set below a line of that size at a
 * paragraph's leading and above another (or above none, a paragraph's last line), as their
 * paragraph's line whose height was misjudged (a heading stands apart from the text around it).
 * Nearness is judged against the common size as measured, not as rounded: rounding it by a quarter
 * point would take a table's or a caption's lines a size smaller into it.
 */
function steadySizes(
  lines: OcrLine[],
  measured: number[],
  common: CommonSize | null,
  scale: number,
): number[] {
  const near = (size: number, share: number) =>
    common !== null && Math.abs(size - common.measured) <= share * common.measured;
  const steady = new Map(
    lines.map((line, i) => [
      line,
      near(measured[i], SAME_SIZE_SHARE) ? common!.size : Math.round(measured[i] * 2) / 2,
    ]),
  );
  return lines.map((line, i) => {
    const size = steady.get(line)!;
    if (size === common?.size || !near(measured[i], 2 * SAME_SIZE_SHARE)) return size;
    const reach = PARAGRAPH_LEADING * common!.size * scale;
    const [above, below] = ([-1, 1] as const).map((side) => nearestLine(lines, line, side, reach));
    const isCommon = (other: OcrLine | null) => !!other && steady.get(other) === common!.size;
    // A paragraph's last line has no line below it.
    return isCommon(above) && (isCommon(below) || !below) ? common!.size : size;
  });
}

/**
 * The nearest line above (`side` -1) or below (1) the line within `reach` pixels, baseline to
 * baseline, sharing half the narrower one's width.
 */
export function nearestLine(lines: OcrLine[], line: OcrLine, side: -1 | 1, reach: number): OcrLine | null {
  const [x0, , x1] = line.box;
  let best: OcrLine | null = null;
  let bestGap = Infinity;
  for (const other of lines) {
    const gap = (other.baseline.y - line.baseline.y) * side;
    const overlap = Math.min(x1, other.box[2]) - Math.max(x0, other.box[0]);
    if (
      other === line ||
      gap <= 0 ||
      gap > reach ||
      overlap < 0.5 * Math.min(x1 - x0, other.box[2] - other.box[0])
    )
      continue;
    if (gap < bestGap) [best, bestGap] = [other, gap];
  }
  return best;
}

interface CommonSize {
  /** To half a point, as lines of that size are set. */
  size: number;
  /** As measured: the mean of its lines' sizes, weighted by their letters. */
  measured: number;
}

/** The size (to half a point) carrying most letters and digits. */
function commonSize(lines: OcrLine[], sizes: number[]): CommonSize | null {
  const weights = new Map<number, { chars: number; sum: number }>();
  for (const [i, line] of lines.entries()) {
    const key = Math.round(sizes[i] * 2) / 2;
    const chars = line.words.reduce((n, w) => n + wordCharCount(w.text), 0);
    const entry = weights.get(key) ?? { chars: 0, sum: 0 };
    weights.set(key, { chars: entry.chars + chars, sum: entry.sum + chars * sizes[i] });
  }
  let best: CommonSize | null = null;
  let most = -1;
  for (const [size, { chars, sum }] of weights) {
    if (chars > most) [best, most] = [{ size, measured: chars ? sum / chars : size }, chars];
  }
  return best;
}

/** Mean word confidence of the page, weighted by characters (0-100). */
export function meanConfidence(lines: OcrLine[]): number {
  let sum = 0;
  let chars = 0;
  for (const word of lines.flatMap((l) => l.words)) {
    sum += word.confidence * word.text.length;
    chars += word.text.length;
  }
  return chars ? Math.round((sum / chars) * 10) / 10 : 0;
}
