import { intersectionArea } from '../geometry.js';
import { histogramRank } from './histogram.js';
import { OcrLine, OcrWord, averageConfidence, baselineAt } from './hocr.js';
import { GrayImage } from './render.js';
import { isRightToLeft } from './scripts.js';

/** A box is sought this far (font sizes) before a line's first word, and no closer than this. */
const REACH = 2.5;
const MIN_GAP = 0.15;
/** A box's side is this share of the font size: smaller marks are dots and specks, larger a letter. */
const MIN_SIDE = 0.3;
const MAX_SIDE = 0.95;
/** As high as it is wide. */
const MAX_ASPECT = 1.4;
/** A pixel this far (grey levels) from the background around it is part of a mark. */
const MARK_STEP = 40;
/** An outline or a filled square marks this share of its box at least: a letter's strokes less. */
const MIN_FILL = 0.3;
/**
 * A box after a line (where the window runs on over whatever the row holds) has this share of each
 * of its four sides marked: a square's sides are straight.
 */
const SQUARE_EDGES = 0.8;
/** A box's bottom sits on the line's baseline, give or take this share of the font size. */
const BASELINE_SLACK = 0.35;

const CHECKBOX = '□';

/**
 * Reads the checkboxes of a form or a questionnaire. Tesseract reads a line's words and leaves the
 * squares out (an outline, or a white box on a tinted page, is no glyph to it), so an answer list
 * came out as plain lines and a grid of answers (a row's label, then a box under each column's
 * heading) as labels alone. A square of about a letter's size on the line's baseline, set before its
 * first word or after its last (up to the next words on the row: another column's), becomes a word
 * "□": the list stage reads one before a line as a marker, the table stage reads the grid's columns,
 * as they read the boxes drawn on born-digital pages.
 */
export function readCheckboxes(lines: OcrLine[], image: GrayImage): OcrLine[] {
  const words = lines.flatMap((l) => l.words.map((w) => w.box));
  const read = lines.filter((l) => l.words.length && !isRightToLeft(l.words.map((w) => w.text).join('')));
  const befores = new Map(read.map((line) => [line, boxBefore(line, image, words)]));
  const leading = [...befores.values()].filter((box): box is Box => box !== null);
  return lines.map((line) => {
    if (!befores.has(line)) return line;
    const before = befores.get(line) ?? null;
    // A box standing before another line's first word (the next column's) is that line's.
    const after = boxesAfter(line, image, words).filter((box) => !leading.some((l) => overlaps(l, box)));
    if (!before && !after.length) return line;
    const confidence = averageConfidence(line.words);
    const marks = (boxes: Box[]): OcrWord[] => boxes.map((box) => ({ text: CHECKBOX, box, confidence }));
    return {
      ...line,
      box: [before?.[0] ?? line.box[0], line.box[1], after.at(-1)?.[2] ?? line.box[2], line.box[3]],
      words: [...marks(before ? [before] : []), ...line.words, ...marks(after)],
    };
  });
}

type Box = [number, number, number, number];
type Mark = [number, number, number, number, number];

const overlaps = (a: Box, b: Box) => intersectionArea(a, b) > 0;

function boxBefore(line: OcrLine, image: GrayImage, words: Box[]): Box | null {
  const first = line.words.reduce((a, b) => (b.box[0] < a.box[0] ? b : a));
  const em = line.fontSize;
  const base = baselineAt(line, first.box[0]);
  const window: Box = [
    Math.max(0, Math.round(first.box[0] - REACH * em)),
    Math.max(0, Math.round(base - 1.1 * em)),
    Math.round(first.box[0] - MIN_GAP * em),
    Math.min(image.height, Math.round(base + 0.3 * em)),
  ];
  const [x0, y0, x1, y1] = window;
  if (x1 - x0 < MIN_SIDE * em || y1 <= y0) return null;
  // Another column's words there: the line starts after a gutter, not after a box.
  if (words.some((w) => w[0] < x1 && w[2] > x0 && w[1] < y1 && w[3] > y0)) return null;
  const mark = marksIn(image, window);
  return mark && checkbox(mark, em, base);
}

/**
 * The boxes after a line's last word, left to right, up to the next words on its row. Marks where
 * Tesseract saw a word it could not read are glyphs, not boxes.
 */
function boxesAfter(line: OcrLine, image: GrayImage, words: Box[]): Box[] {
  const last = line.words.reduce((a, b) => (b.box[2] > a.box[2] ? b : a));
  const em = line.fontSize;
  const base = baselineAt(line, last.box[2]);
  const x0 = Math.round(last.box[2] + MIN_GAP * em);
  const y0 = Math.max(0, Math.round(base - 1.1 * em));
  const y1 = Math.min(image.height, Math.round(base + 0.3 * em));
  let end = image.width;
  for (const w of words) if (w[0] >= x0 && w[1] < y1 && w[3] > y0) end = Math.min(end, w[0]);
  const x1 = Math.round(end - MIN_GAP * em);
  if (x1 - x0 < MIN_SIDE * em || y1 <= y0) return [];
  const unread = line.unread ?? [];
  return squaresAlong(image, [x0, y0, x1, y1])
    .map((mark) => checkbox(mark, em, baselineAt(line, mark[0])))
    .filter((box): box is Box => box !== null && !unread.some((u) => overlaps(u, box)));
}

/** The mark's box when it is a checkbox's: about a letter's size, square, filled or outlined, on the baseline. */
function checkbox([mx0, my0, mx1, my1, count]: Mark, em: number, base: number): Box | null {
  const w = mx1 - mx0 + 1;
  const h = my1 - my0 + 1;
  if (w < MIN_SIDE * em || h < MIN_SIDE * em || w > MAX_SIDE * em || h > MAX_SIDE * em) return null;
  if (w > MAX_ASPECT * h || h > MAX_ASPECT * w || count < MIN_FILL * w * h) return null;
  if (Math.abs(my1 - base) > BASELINE_SLACK * em) return null;
  return [mx0, my0, mx1 + 1, my1 + 1];
}

/** A window's marked pixels: those far from its background (the median grey), 1, the rest 0. */
function markedPixels({ gray, width }: GrayImage, [x0, y0, x1, y1]: Box): Uint8Array {
  const w = x1 - x0;
  const h = y1 - y0;
  const counts = new Uint32Array(256);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) counts[gray[y * width + x]]++;
  const background = histogramRank(counts, (w * h) >> 1);
  const on = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      on[y * w + x] = Math.abs(gray[(y0 + y) * width + x0 + x] - background) > MARK_STEP ? 1 : 0;
    }
  }
  return on;
}

/** The connected marked pixels from `seed` (set to 2 as they are taken): their box and count, in the window. */
function flood(on: Uint8Array, w: number, h: number, seed: number): Mark {
  const stack = [seed];
  on[seed] = 2;
  let [mx0, my0, mx1, my1, count] = [w, h, -1, -1, 0];
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % w;
    const y = (i - x) / w;
    count++;
    [mx0, my0, mx1, my1] = [Math.min(mx0, x), Math.min(my0, y), Math.max(mx1, x), Math.max(my1, y)];
    for (const n of [
      x > 0 ? i - 1 : -1,
      x < w - 1 ? i + 1 : -1,
      y > 0 ? i - w : -1,
      y < h - 1 ? i + w : -1,
    ]) {
      if (n >= 0 && on[n] === 1) {
        on[n] = 2;
        stack.push(n);
      }
    }
  }
  return [mx0, my0, mx1, my1, count];
}

const inPage = ([mx0, my0, mx1, my1, count]: Mark, [x0, y0]: Box): Mark => [
  mx0 + x0,
  my0 + y0,
  mx1 + x0,
  my1 + y0,
  count,
];

/** The mark nearest the line's first word in the window: the one holding its rightmost marked pixel. */
function marksIn(image: GrayImage, window: Box): Mark | null {
  const w = window[2] - window[0];
  const h = window[3] - window[1];
  const on = markedPixels(image, window);
  for (let x = w - 1; x >= 0; x--) {
    for (let y = 0; y < h; y++) if (on[y * w + x]) return inPage(flood(on, w, h, y * w + x), window);
  }
  return null;
}

/**
 * The marks in the window, left to right, whose four sides are straight and marked (`SQUARE_EDGES`
 * of each): an outlined or a solid square. Letters and brackets, rounded or open, are not.
 */
function squaresAlong(image: GrayImage, window: Box): Mark[] {
  const w = window[2] - window[0];
  const h = window[3] - window[1];
  const on = markedPixels(image, window);
  const marks: Mark[] = [];
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      if (on[y * w + x] !== 1) continue;
      const mark = flood(on, w, h, y * w + x);
      if (squareEdges(on, w, mark)) marks.push(inPage(mark, window));
    }
  }
  return marks;
}

function squareEdges(on: Uint8Array, w: number, [x0, y0, x1, y1]: Mark): boolean {
  const marked = (from: number, step: number, n: number) => {
    let count = 0;
    for (let k = 0; k < n; k++) if (on[from + k * step]) count++;
    return count >= SQUARE_EDGES * n;
  };
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  return (
    marked(y0 * w + x0, 1, width) &&
    marked(y1 * w + x0, 1, width) &&
    marked(y0 * w + x0, w, height) &&
    marked(y0 * w + x1, w, height)
  );
}
