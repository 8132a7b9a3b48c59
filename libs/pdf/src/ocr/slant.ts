import { OcrLine, OcrWord } from './hocr.js';
import { GrayImage } from './render.js';
import { letterCount } from './scripts.js';
import { wordInk } from './weight.js';

/** Shears tried (pixels of shift per pixel of height): italic faces lean 8-15 degrees. */
const SHEARS = [0.14, 0.2, 0.26];
/** Words of fewer letters show too few stems to tell their slant. */
const MIN_SLANTED_LETTERS = 4;
/**
 * A word leans when its stems stand this much sharper sheared: upright words of the scanned corpora
 * measure 0.7-0.93, italic and oblique ones 1.05-1.6.
 */
const ITALIC_SLANT = 1;
/** A line is italic when this share of its measured letters lean (an emphasised word leaves it upright). */
const ITALIC_LINE_SHARE = 0.9;

/**
 * How much sharper a word's stems stand when its rows are shifted back by an italic's lean: the
 * column profile of its ink, squared and summed (stems make tall narrow peaks), at the best shear
 * over the upright profile. Upright words give about 1 or less, italic ones more. Null for short or
 * faint words.
 */
export function slantOf(word: OcrWord, image: GrayImage): number | null {
  if (letterCount(word.text) < MIN_SLANTED_LETTERS) return null;
  const pixels = wordInk(word, image);
  if (!pixels) return null;
  const { gray, w, h, paper, ink } = pixels;
  const middle = (paper + ink) / 2;
  // The ink's pixels, listed once for the shears tried; every other row is enough to profile stems.
  const xs = new Int32Array(w * h);
  const ys = new Int32Array(w * h);
  let n = 0;
  for (let y = 0; y < h; y += 2) {
    for (let x = 0; x < w; x++) {
      if (gray[y * w + x] < middle) {
        xs[n] = x;
        ys[n++] = y;
      }
    }
  }
  const peak = (shear: number) => {
    const columns = new Float64Array(w + Math.ceil(shear * h) + 2);
    // Rows above are shifted left of the rows below them, as far as the lean takes a stem's top.
    for (let i = 0; i < n; i++) columns[(xs[i] + shear * (ys[i] + 1) + 0.5) | 0]++;
    let squares = 0;
    for (const c of columns) squares += c * c;
    return n ? squares / n : 0;
  };
  const upright = peak(0);
  if (!upright) return null;
  return Math.max(...SHEARS.map(peak)) / upright;
}

/**
 * Marks the lines set in italic. Tesseract does not say a word's style, and a scan's run-in titles
 * and captions are often told only by it. A line is italic when nearly all of its letters that can
 * be measured are in words that lean.
 */
export function markItalic(lines: OcrLine[], image: GrayImage): OcrLine[] {
  return lines.map((line) => {
    let measured = 0;
    let leaning = 0;
    for (const word of line.words) {
      const slant = slantOf(word, image);
      if (slant === null) continue;
      const letters = letterCount(word.text);
      measured += letters;
      if (slant >= ITALIC_SLANT) leaning += letters;
    }
    return measured && leaning >= ITALIC_LINE_SHARE * measured ? { ...line, italic: true } : line;
  });
}
