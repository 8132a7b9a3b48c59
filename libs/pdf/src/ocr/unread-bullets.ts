import { OcrLine, averageConfidence, baselineAt } from './hocr.js';
import { BULLET } from './bullets.js';
import { cellBounds, components } from './cell-grid.js';
import { DARK_GRAY, GrayImage } from './render.js';

/**
 * A list's bullet stands this many x-heights at most before its item's text (Chromium: about 2;
 * LibreOffice: a quarter inch, 3 at 12 points and 4 or more in smaller type).
 */
const REACH = 6;
/**
 * A small dot is this share of the x-height across or more: a word processor's bullet is a third, a
 * full stop a fifth (and it sits on the baseline, which a bullet does not).
 */
const MIN_SIZE = 0.25;
/** And no larger than the x-height: a bullet Tesseract reads at all comes back as a word. */
const MAX_SIZE = 1;
/** Round or square: a dash or a rule is long. */
const MAX_ASPECT = 1.6;
/** Filled: a disc inks about 0.78 of its box, a square all of it. */
const MIN_FILL = 0.6;
/** Its centre stands this share of the x-height above the baseline; a full stop's sits on it. */
const MIN_RISE = 0.3;
/**
 * The band searched: from a capital's height above the baseline (the line above's descenders stay
 * out) to a descender's depth below it.
 */
const ABOVE = 1.5;
const BELOW = 0.5;
/** Dots of one list stand at one x, within this share of the x-height. */
const SAME_X = 0.5;

interface Dot {
  line: number;
  box: [number, number, number, number];
}

/**
 * Bullets Tesseract does not read at all: the small dot a word processor sets before a list item is
 * dropped as a speck. Each is found as the one blot of ink before a line's first word, within a
 * marker's reach: a filled dot of a bullet's size standing above the baseline. Specks and chance
 * marks are told apart by the list's own shape: a dot is kept only where another such dot stands at
 * the same x on the page, as a list's items' bullets do. Each kept dot becomes a "•" word starting its line.
 */
export function addUnreadBullets(lines: OcrLine[], image: GrayImage): OcrLine[] {
  const dots = lines.flatMap((line, i) => {
    const box = dotBefore(line, image);
    return box ? [{ line: i, box }] : [];
  });
  const centre = (d: Dot) => (d.box[0] + d.box[2]) / 2;
  const kept = dots.filter((d) =>
    dots.some((o) => o !== d && Math.abs(centre(o) - centre(d)) <= SAME_X * lines[d.line].xHeight!),
  );
  if (!kept.length) return lines;
  const byLine = new Map(kept.map((d) => [d.line, d.box]));
  return lines.map((line, i) => {
    const box = byLine.get(i);
    if (!box) return line;
    const bullet = { text: BULLET, box, confidence: averageConfidence(line.words) };
    return {
      ...line,
      box: [Math.min(box[0], line.box[0]), line.box[1], line.box[2], line.box[3]],
      words: [bullet, ...line.words],
    };
  });
}

/** The box of the lone bullet-like dot before the line's first word, or null. */
function dotBefore(line: OcrLine, image: GrayImage): Dot['box'] | null {
  const xHeight = line.xHeight;
  const first = line.words[0];
  if (xHeight === undefined || !first || first.text === BULLET) return null;
  const baseline = baselineAt(line, first.box[0]);
  const x0 = Math.max(0, Math.round(first.box[0] - REACH * xHeight));
  const x1 = first.box[0] - 1;
  const y0 = Math.max(0, Math.round(baseline - ABOVE * xHeight));
  const y1 = Math.min(image.height - 1, Math.round(baseline + BELOW * xHeight));
  if (x1 - x0 < xHeight) return null;
  const blots = blotsIn(image, x0, y0, x1, y1);
  if (blots.length !== 1) return null;
  const { box, dark, edge } = blots[0];
  if (edge) return null;
  const width = box[2] - box[0] + 1;
  const height = box[3] - box[1] + 1;
  const [small, large] = [Math.min(width, height), Math.max(width, height)];
  if (small < MIN_SIZE * xHeight || large > MAX_SIZE * xHeight || large > MAX_ASPECT * small) return null;
  if (dark < MIN_FILL * width * height) return null;
  return baseline - (box[1] + box[3]) / 2 >= MIN_RISE * xHeight ? box : null;
}

interface Blot {
  box: [number, number, number, number];
  dark: number;
  /** Touches the searched area's edge: part of something larger. */
  edge: boolean;
}

/** The connected groups of dark pixels inside a box of the image. */
function blotsIn(image: GrayImage, x0: number, y0: number, x1: number, y1: number): Blot[] {
  const cols = x1 - x0 + 1;
  const rows = y1 - y0 + 1;
  const on = new Uint8Array(cols * rows);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++)
      on[y * cols + x] = image.gray[(y0 + y) * image.width + x0 + x] < DARK_GRAY ? 1 : 0;
  }
  return components({ cols, rows, on }).map((cells) => {
    const [c0, r0, c1, r1] = cellBounds(cells, cols);
    const box: Blot['box'] = [x0 + c0, y0 + r0, x0 + c1, y0 + r1];
    const edge = box[0] === x0 || box[1] === y0 || box[2] === x1 || box[3] === y1;
    return { box, dark: cells.length, edge };
  });
}
