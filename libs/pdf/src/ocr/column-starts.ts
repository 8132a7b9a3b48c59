import { OcrLine, OcrWord, baselineAt } from './hocr.js';

/** Word starts this close (in font sizes) line up: Tesseract's boxes waver by a pixel or two. */
const ALIGN_TOLERANCE = 0.08;
/** A column runs down at least this many rows. */
const MIN_ROWS = 3;
/** Rows of a column on which the gap before it is wider than a word space. */
const WIDE_ROWS = 2;
/** The narrowest gap (in font sizes) between two cells: about a word space (syllables of Hangul are closer). */
const WORD_SPACE = 0.2;
/** Rows of a table are at most this many font sizes apart, baseline to baseline. */
const ROW_REACH = 3;
/** Words on baselines this close (in font sizes) are on one row, whichever lines Tesseract made. */
const SAME_ROW = 0.3;

interface Placed {
  word: OcrWord;
  line: OcrLine;
  /** The baseline's y under the word's middle. */
  base: number;
  size: number;
  /** The nearest word to its left on the same row, and the gap to it; null at the row's start. */
  left: Placed | null;
  gap: number;
}

/**
 * Where a scan's tables start their columns, however tight their cells are set (a browser's default
 * table has a word space between them): words that start, each after a word on its row, at one x on
 * `MIN_ROWS` or more rows running down the page, where on at least two of those rows the gap before
 * it is wider than any word space (`phraseGap` font sizes). Prose has no such gaps, so words of a
 * paragraph that line up by chance are left alone. A word a word space after the one before it (no
 * closer: Hangul syllables may be set apart by a pixel or two) starts a cell only where its row is
 * parted into cells elsewhere too (the line of a paragraph under a table may have a word where a
 * column starts) and the cell it ends starts where the cells before the column's other rows start (a
 * header centred over two columns has a word where the second one starts). Answers each such word
 * with the column's x (image pixels, the median of its words' left edges): the line stage then finds
 * the column edge as it finds a born-digital table's, where cells start at one x exactly.
 */
export function columnStarts(lines: OcrLine[], phraseGap: number): Map<OcrWord, number> {
  const placed = placeWords(lines);
  const below = new Map<Placed, Placed>();
  const hasAbove = new Set<Placed>();
  for (const p of placed) {
    if (!p.left) continue;
    const next = startBelow(p, placed);
    if (next) {
      below.set(p, next);
      hasAbove.add(next);
    }
  }
  const wide = (p: Placed) => !!p.left && p.gap > phraseGap * p.size;
  const columns: Placed[][] = [];
  for (const top of below.keys()) {
    if (hasAbove.has(top)) continue;
    const column: Placed[] = [top];
    for (let p = below.get(top); p; p = below.get(p)) column.push(p);
    if (column.length >= MIN_ROWS && column.filter(wide).length >= WIDE_ROWS) columns.push(column);
  }
  const inColumns = new Set(columns.flat());
  const parted = (p: Placed) => placed.some((q) => q !== p && sameRow(p, q) && (wide(q) || inColumns.has(q)));
  // Where the cell before a start begins: back over word spaces to the row's start, a wide gap or
  // a start already taken.
  const cells = new Set(columns.flat().filter(wide));
  const cellStart = (p: Placed) => {
    let q = p.left!;
    while (q.left && !wide(q) && !cells.has(q)) q = q.left;
    return q.word.box[0];
  };
  for (let more = true; more;) {
    more = false;
    for (const column of columns) {
      for (const p of column) {
        if (cells.has(p) || p.gap < WORD_SPACE * p.size || !parted(p)) continue;
        const from = cellStart(p);
        if (column.some((q) => q !== p && cells.has(q) && Math.abs(cellStart(q) - from) <= tolerance(p))) {
          cells.add(p);
          more = true;
        }
      }
    }
  }
  const starts = new Map<OcrWord, number>();
  for (const column of columns) {
    const taken = column.filter((p) => cells.has(p));
    if (taken.length < MIN_ROWS) continue;
    const lefts = taken.map((p) => p.word.box[0]).sort((a, b) => a - b);
    const x = lefts[lefts.length >> 1];
    for (const p of taken) starts.set(p.word, x);
  }
  return starts;
}

function sameRow(p: Placed, q: Placed): boolean {
  return Math.abs(q.base - p.base) <= SAME_ROW * p.size;
}

/** How far from `p`'s left edge a word may start and still line up with it (pixels). */
function tolerance(p: Placed): number {
  return Math.max(2, ALIGN_TOLERANCE * p.size);
}

/** Each word with its baseline, and the word before it on its row. */
function placeWords(lines: OcrLine[]): Placed[] {
  const placed: Placed[] = lines.flatMap((line) =>
    line.words.map((word) => {
      const middle = (word.box[0] + word.box[2]) / 2;
      const base = baselineAt(line, middle);
      return { word, line, base, size: line.fontSize, left: null, gap: Infinity };
    }),
  );
  // Boxes may overlap (Tesseract's box for a word with a comma can reach over the next word): the
  // gap is to whichever word before it ends last, and negative when that one reaches over it.
  for (const p of placed) {
    for (const q of placed) {
      if (q === p || !sameRow(p, q) || q.word.box[0] >= p.word.box[0]) continue;
      const gap = p.word.box[0] - q.word.box[2];
      if (gap < p.gap) [p.left, p.gap] = [q, gap];
    }
  }
  return placed;
}

/**
 * The word starting where `p` starts on the next row down whose lines reach that x, or null when
 * that row has none there (the column, if any, ends).
 */
function startBelow(p: Placed, placed: Placed[]): Placed | null {
  const x = p.word.box[0];
  const slack = tolerance(p);
  let rowBase = Infinity;
  for (const q of placed) {
    const drop = q.base - p.base;
    if (drop <= SAME_ROW * p.size || drop > ROW_REACH * p.size || q.base >= rowBase) continue;
    if (q.line.box[0] - slack <= x && x <= q.line.box[2] + slack) rowBase = q.base;
  }
  if (rowBase === Infinity) return null;
  return (
    placed.find(
      (q) =>
        q.left && Math.abs(q.base - rowBase) <= SAME_ROW * p.size && Math.abs(q.word.box[0] - x) <= slack,
    ) ?? null
  );
}
