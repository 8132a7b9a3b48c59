import { OcrLine, OcrWord } from './hocr.js';
import { histogramQuantile } from './histogram.js';
import { GrayImage } from './render.js';
import { IDEOGRAPHIC, LETTER } from './scripts.js';

/**
 * A word is bold when its strokes are this much thicker, for its line's text height, than the
 * page's body text: bold faces set stems about 1.5-1.8 times as thick as their regular weight.
 */
const BOLD_STROKE = 1.35;
/** Words of fewer letters show too few stems to weigh. */
const MIN_WEIGHED_LETTERS = 3;
/** A Han character or Hangul syllable shows as many stems as this many Latin letters, or more. */
const IDEOGRAPH_LETTERS = 3;
/** The page's body weight is read from at least this many letters. */
const MIN_BODY_LETTERS = 40;
/**
 * A line is bold when this share of its weighed letters is: a heading is bold throughout, while a
 * list item's bold lead-in leaves the line regular, so the item stays one paragraph.
 */
const BOLD_LINE_SHARE = 0.9;
/**
 * A line is semibold, and bold for the stages after, when all but its lightest tenth of letters are
 * this much thicker than the lines around it (`aroundWeight`) and it has this many letters at least:
 * a semibold face sets its stems only a fifth thicker, within one word's error, but a line of them is
 * thicker throughout (a line with a bold lead-in is not: its regular words are its lightest).
 */
const SEMIBOLD_STROKE = 1.1;
const SEMIBOLD_LIGHTEST = 0.1;
const MIN_SEMIBOLD_LETTERS = 24;
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
  const heights = textHeights(lines);
  const weights = lines.map((line, i) => line.words.map((w) => weightOf(w, heights[i], image)));
  const body = bodyWeight(lines, weights);
  if (body === null) return lines;
  const weighed = lines.map((line, i) => weighedLetters(line, weights[i]));
  const medians = weighed.map((ws) => (total(ws) >= MIN_SEMIBOLD_LETTERS ? weightRank(ws, 0.5) : null));
  return lines.map((line, i) => {
    const letters = total(weighed[i]);
    const bold = total(weighed[i].filter((w) => w.weight >= BOLD_STROKE * body));
    const isBold =
      (letters > 0 && bold >= BOLD_LINE_SHARE * letters) ||
      (letters >= MIN_SEMIBOLD_LETTERS &&
        weightRank(weighed[i], SEMIBOLD_LIGHTEST)! >= SEMIBOLD_STROKE * aroundWeight(medians, i, body));
    return isBold ? { ...line, bold: true } : line;
  });
}

function total(weighed: Weighed[]): number {
  return weighed.reduce((n, w) => n + w.n, 0);
}

/**
 * What a line's weight is set against to tell a semibold line: the heavier of the nearest weighed
 * lines before and after it (the page's body weight where there is none), as a heading stands out
 * from the text around it. A whole passage a little heavier than the page's body (another face, a
 * box's print) has no line heavier than its neighbours.
 */
function aroundWeight(medians: (number | null)[], i: number, body: number): number {
  const before = medians.slice(0, i).findLast((m) => m !== null);
  const after = medians.slice(i + 1).find((m) => m !== null);
  return Math.max(body, before ?? 0, after ?? 0);
}

/** The word's letters, an ideograph or syllable counted as the Latin letters its strokes match. */
function letters(word: OcrWord): number {
  return (word.text.match(LETTER) ?? []).reduce(
    (n, c) => n + (IDEOGRAPHIC.test(c) ? IDEOGRAPH_LETTERS : 1),
    0,
  );
}

/** The median stroke width of a word, per pixel of its line's text height; null for short words. */
function weightOf(word: OcrWord, height: number, image: GrayImage): number | null {
  if (letters(word) < MIN_WEIGHED_LETTERS || height <= 0) return null;
  const pixels = wordInk(word, image);
  if (!pixels) return null;
  const { gray, w, h, paper, ink } = pixels;
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
  return widths[widths.length >> 1] / height;
}

/** Lines whose text heights are this close to the body's are of the body's size. */
const BODY_HEIGHT_SHARE = 0.15;

/**
 * The text height each line's strokes are weighed against: the body's (the median over the page's
 * letters) for lines within `BODY_HEIGHT_SHARE` of it, else the line's own. Tesseract's height of
 * one line is off by a tenth or more, which is as much as a semibold face adds to its strokes.
 */
function textHeights(lines: OcrLine[]): number[] {
  // Ranked as weights are: each line's height counted once per letter.
  const body = weightRank(
    lines.map((line) => ({ weight: line.xSize, n: line.words.reduce((n, w) => n + letters(w), 0) })),
    0.5,
  );
  return lines.map((line) =>
    body && Math.abs(line.xSize - body) <= BODY_HEIGHT_SHARE * body ? body : line.xSize,
  );
}

export interface WordInk {
  gray: Uint8Array;
  w: number;
  h: number;
  paper: number;
  ink: number;
}

/** Each page image's words as read, so that weighing and slant read a word's pixels once. */
const inkRead = new WeakMap<Uint8Array, WeakMap<OcrWord, WordInk | null>>();

/**
 * The word's pixels as dark print on light paper (`wordPixels`) with the grey levels of its paper
 * and its ink; null for words too faint to read strokes in.
 */
export function wordInk(word: OcrWord, image: GrayImage): WordInk | null {
  let words = inkRead.get(image.gray);
  if (!words) inkRead.set(image.gray, (words = new WeakMap()));
  const known = words.get(word);
  if (known !== undefined) return known;
  const { gray, w, h, levels } = wordPixels(word, image);
  const paper = histogramQuantile(levels, PAPER_QUANTILE);
  const ink = histogramQuantile(levels, INK_QUANTILE);
  const read =
    paper === null || ink === null || paper - ink < MIN_CONTRAST ? null : { gray, w, h, paper, ink };
  words.set(word, read);
  return read;
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

/** A measure of a word (its weight) or a line (its text height), with the letters it counts for. */
interface Weighed {
  weight: number;
  /** The word's or line's letters (`letters`). */
  n: number;
}

/** The line's weighed words, each with its letter count. */
function weighedLetters(line: OcrLine, weights: (number | null)[]): Weighed[] {
  return line.words.flatMap((w, k) => (weights[k] === null ? [] : [{ weight: weights[k]!, n: letters(w) }]));
}

/** The median weight of the page's letters: its body text's, as most letters are body text. */
function bodyWeight(lines: OcrLine[], weights: (number | null)[][]): number | null {
  const weighed = lines.flatMap((line, i) => weighedLetters(line, weights[i]));
  return total(weighed) < MIN_BODY_LETTERS ? null : weightRank(weighed, 0.5);
}

/** The weight `share` of the letters are set no heavier than; null for none. */
function weightRank(weighed: Weighed[], share: number): number | null {
  const letters = total(weighed);
  let seen = 0;
  for (const w of [...weighed].sort((a, b) => a.weight - b.weight)) {
    seen += w.n;
    if (seen >= share * letters) return w.weight;
  }
  return null;
}
