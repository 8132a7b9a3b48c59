/* How surely Tesseract read a word, from its confidence (0-100): noise, doubtful, or read surely. */
import { OcrLine, OcrWord } from './hocr.js';

/** Words Tesseract is less sure of than this are noise (specks, texture in photographs). */
const MIN_WORD_CONFIDENCE = 20;

/**
 * A word read with less confidence than this is doubtful: on the docling corpus's scans a script's own
 * words read at 85-97, the words of another script set among them at 0-66, and a photograph's texture
 * read as letters at 20-65.
 */
export const DOUBTFUL_WORD = 70;

/** A doubtful word this many times as tall as the page's median word is a photograph's texture. */
const TEXTURE_HEIGHT = 3;

/**
 * Which of the page's words are noise rather than text: those read with hardly any confidence (a
 * speck, a smudge), and a few doubtful letters as tall as several of the page's lines, which is how
 * Tesseract reads a row of photographs (one word's box spanning them) and a chart's bars. A title set
 * that large is read surely.
 */
export function noiseWords(lines: OcrLine[]): (word: OcrWord) => boolean {
  const heights = lines.flatMap((l) => l.words.map((w) => w.box[3] - w.box[1])).sort((a, b) => a - b);
  const body = heights[heights.length >> 1] ?? 0;
  return (w) =>
    w.confidence < MIN_WORD_CONFIDENCE ||
    (w.confidence < DOUBTFUL_WORD && w.box[3] - w.box[1] > TEXTURE_HEIGHT * body);
}
