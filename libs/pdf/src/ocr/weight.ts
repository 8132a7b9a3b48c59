import { OcrLine, OcrWord } from './hocr.js';
import { histogramQuantile } from './histogram.js';
import { GrayImage } from './render.js';

/**
 * A word is bold when its strokes are this much thicker, for its line's text height, than the
 * page's body text: bold faces set stems about 1.5-1.8 times as thick as their regular weight.
 */
const BOLD_STROKE = 1.35;
/** Words of fewer letters show too few stems to weigh. */
const MIN_WEIGHED_LETTERS = 3;
/** The page's body weight is read from at least this many letters. */
const MIN_BODY_LETTERS = 40;
/**
 * A line is bold when this share of its weighed letters is: a heading is bold throughout, while a
 * list item's bold lead-in leaves the line regular, so the item stays one paragraph.
 */
const BOLD_LINE_SHARE = 0.9;
/**
 * A word's paper and ink are the grey levels below which these shares of its box's pixels lie: its
 * letters cover a fifth to a third of the box, so the one is clear paper and the other solid ink.
 */
const PAPER_QUANTILE = 0.8;
const INK_QUANTILE = 0.03;
/** The ground a word is printed on is read this many pixels around its box. */
const GROUND_PX = 3;
/** Fainter words than this (grey levels between paper and ink) are not weighed. */
const MIN_CONTRAST = 64;

/**
 * Marks the lines set in bold. Tesseract does not say a word's weight, and a scan's headings at body
 * size are told only by it. A word's stroke width is the median width of the dark runs across its
 * rows (a stem's width: bars and serifs give the longer, fewer runs), taken per pixel of its line's
 * text height and against the page's body text. Widths are read to a fraction of a pixel, the
 * partly inked pixels at a stem's edges counting by their shade between the word's own paper and
 * ink: stems are 2-5 px wide, and in whole pixels one 2.5 px wide reads 2 or 3 by where it falls on
 * the grid, which made a regular line half again as thick as its neighbours and a semibold one
 * regular (and grey print had no dark pixels at all).
 */
export function markBold(lines: OcrLine[], image: GrayImage): OcrLine[] {
  const weights = lines.map((line) => line.words.map((w) => weightOf(w, line, image)));
  const body = bodyWeight(lines, weights);
  if (body === null) return lines;
  return lines.map((line, i) => {
    let weighed = 0;
    let bold = 0;
    for (const [k, word] of line.words.entries()) {
      const weight = weights[i][k];
      if (weight === null) continue;
      weighed += letters(word);
      if (weight >= BOLD_STROKE * body) bold += letters(word);
    }
    const isBold = weighed > 0 && bold >= BOLD_LINE_SHARE * weighed;
    return isBold ? { ...line, bold: true } : line;
  });
}

function letters(word: OcrWord): number {
  return word.text.match(/\p{L}/gu)?.length ?? 0;
}

/** The median stroke width of a word, per pixel of its line's text height; null for short words. */
function weightOf(word: OcrWord, line: OcrLine, image: GrayImage): number | null {
  if (letters(word) < MIN_WEIGHED_LETTERS || line.xSize <= 0) return null;
  const { gray, w, h, levels } = wordPixels(word, image);
  const paper = histogramQuantile(levels, PAPER_QUANTILE);
  const ink = histogramQuantile(levels, INK_QUANTILE);
  if (paper === null || ink === null || paper - ink < MIN_CONTRAST) return null;
  const darkness = (g: number) => Math.min(1, Math.max(0, (paper - g) / (paper - ink)));
  const middle = (paper + ink) / 2;
  const widths: number[] = [];
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let x = 0;
    while (x < w) {
      if (gray[row + x] >= middle) {
        x++;
        continue;
      }
      // A stem's core, with the partly inked pixels on both sides: its width to a fraction of a pixel.
      let stroke = x > 0 ? darkness(gray[row + x - 1]) : 0;
      while (x < w && gray[row + x] < middle) stroke += darkness(gray[row + x++]);
      if (x < w) stroke += darkness(gray[row + x]);
      widths.push(stroke);
    }
  }
  if (!widths.length) return null;
  widths.sort((a, b) => a - b);
  return widths[widths.length >> 1] / line.xSize;
}

/**
 * The word's box of the page's pixels, as dark print on light paper, and their histogram. Light
 * letters on a dark ground (a banner, a dark panel: the pixels around the box nearer its darkest
 * level than its lightest) are mirrored, or the ground between them would be weighed as their
 * strokes. The ground is read around the box, not in it: heavy letters may cover half of their box.
 */
function wordPixels(
  word: OcrWord,
  image: GrayImage,
): { gray: Uint8Array; w: number; h: number; levels: Uint32Array } {
  const [x0, y0] = [Math.max(0, word.box[0]), Math.max(0, word.box[1])];
  const [x1, y1] = [Math.min(image.width - 1, word.box[2]), Math.min(image.height - 1, word.box[3])];
  const w = Math.max(0, x1 - x0 + 1);
  const h = Math.max(0, y1 - y0 + 1);
  const gray = new Uint8Array(w * h);
  const levels = new Uint32Array(256);
  for (let y = 0; y < h; y++) {
    const from = (y0 + y) * image.width + x0;
    gray.set(image.gray.subarray(from, from + w), y * w);
  }
  for (const g of gray) levels[g]++;
  const dark = histogramQuantile(levels, INK_QUANTILE);
  const light = histogramQuantile(levels, 1 - INK_QUANTILE);
  const ground = groundAround(image, [x0, y0, x1, y1]);
  if (dark !== null && light !== null && ground !== null && ground - dark < light - ground) {
    for (let i = 0; i < gray.length; i++) gray[i] = 255 - gray[i];
    levels.reverse();
  }
  return { gray, w, h, levels };
}

/** The median grey of a band `GROUND_PX` wide around a box (inclusive pixel edges), within the image. */
function groundAround(image: GrayImage, [x0, y0, x1, y1]: [number, number, number, number]): number | null {
  const levels = new Uint32Array(256);
  const [gx0, gy0] = [Math.max(0, x0 - GROUND_PX), Math.max(0, y0 - GROUND_PX)];
  const [gx1, gy1] = [Math.min(image.width - 1, x1 + GROUND_PX), Math.min(image.height - 1, y1 + GROUND_PX)];
  for (let y = gy0; y <= gy1; y++) {
    for (let x = gx0; x <= gx1; x++) {
      if (y >= y0 && y <= y1 && x >= x0 && x <= x1) x = x1;
      else levels[image.gray[y * image.width + x]]++;
    }
  }
  return histogramQuantile(levels, 0.5);
}

/** The median weight of the page's letters: its body text's, as most letters are body text. */
function bodyWeight(lines: OcrLine[], weights: (number | null)[][]): number | null {
  const weighed = lines.flatMap((line, i) =>
    line.words.flatMap((w, k) => (weights[i][k] === null ? [] : [{ weight: weights[i][k]!, n: letters(w) }])),
  );
  const total = weighed.reduce((n, w) => n + w.n, 0);
  if (total < MIN_BODY_LETTERS) return null;
  weighed.sort((a, b) => a.weight - b.weight);
  let seen = 0;
  for (const w of weighed) {
    seen += w.n;
    if (seen * 2 >= total) return w.weight;
  }
  return null;
}
