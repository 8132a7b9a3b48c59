import { OcrLine, OcrWord, averageConfidence } from './hocr.js';
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
/** A box's bottom sits on the line's baseline, give or take this share of the font size. */
const BASELINE_SLACK = 0.35;

const CHECKBOX = '□';

/**
 * Reads the checkboxes before the lines of a form or a questionnaire. Tesseract reads a line's words
 * and leaves the square before them out (an outline, or a white box on a tinted page, is no glyph to
 * it), so an answer list came out as plain lines. A square set before a line's first word, on its
 * baseline, of about a letter's size, becomes a word "□", which the list stage reads as a marker, as
 * it reads the boxes drawn on born-digital pages.
 */
export function readCheckboxes(lines: OcrLine[], image: GrayImage): OcrLine[] {
  const words = lines.flatMap((l) => l.words.map((w) => w.box));
  return lines.map((line) => {
    if (!line.words.length || isRightToLeft(line.words.map((w) => w.text).join(''))) return line;
    const box = boxBefore(line, image, words);
    if (!box) return line;
    const word: OcrWord = { text: CHECKBOX, box, confidence: averageConfidence(line.words) };
    return { ...line, box: [box[0], line.box[1], line.box[2], line.box[3]], words: [word, ...line.words] };
  });
}

type Box = [number, number, number, number];

function boxBefore(line: OcrLine, image: GrayImage, words: Box[]): Box | null {
  const first = line.words.reduce((a, b) => (b.box[0] < a.box[0] ? b : a));
  const em = line.fontSize;
  const base = line.baseline.y + line.baseline.slope * (first.box[0] - line.box[0]);
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
  if (!mark) return null;
  const [mx0, my0, mx1, my1, count] = mark;
  const w = mx1 - mx0 + 1;
  const h = my1 - my0 + 1;
  if (w < MIN_SIDE * em || h < MIN_SIDE * em || w > MAX_SIDE * em || h > MAX_SIDE * em) return null;
  if (w > MAX_ASPECT * h || h > MAX_ASPECT * w || count < MIN_FILL * w * h) return null;
  if (Math.abs(my1 - base) > BASELINE_SLACK * em) return null;
  return [mx0, my0, mx1 + 1, my1 + 1];
}

/**
 * The mark nearest the line's first word in the window: the pixels far from the window's background
 * (its median), connected, taken from the window's right end. Its box and pixel count.
 */
function marksIn(
  { gray, width }: GrayImage,
  [x0, y0, x1, y1]: Box,
): [number, number, number, number, number] | null {
  const w = x1 - x0;
  const h = y1 - y0;
  const values = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) values[y * w + x] = gray[(y0 + y) * width + x0 + x];
  const background = [...values].sort((a, b) => a - b)[values.length >> 1];
  const on = values.map((v) => (Math.abs(v - background) > MARK_STEP ? 1 : 0));
  // The rightmost marked pixel seeds the mark: the one standing just before the text.
  let seed = -1;
  for (let x = w - 1; x >= 0 && seed < 0; x--) {
    for (let y = 0; y < h && seed < 0; y++) if (on[y * w + x]) seed = y * w + x;
  }
  if (seed < 0) return null;
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
  return [mx0 + x0, my0 + y0, mx1 + x0, my1 + y0, count];
}
