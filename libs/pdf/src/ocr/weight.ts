import { OcrLine, OcrWord } from './hocr.js';
import { histogramMedian } from './histogram.js';
import { DARK_GRAY, GrayImage } from './render.js';

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
 * Marks the lines set in bold. Tesseract does not say a word's weight, and a scan's headings at body
 * size are told only by it. A word's stroke width is the median length of the dark runs across its
 * rows (a stem's width: bars and serifs give the longer, fewer runs), taken per pixel of its line's
 * text height and against the page's body text.
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
  const [x0, y0] = [Math.max(0, word.box[0]), Math.max(0, word.box[1])];
  const [x1, y1] = [Math.min(image.width - 1, word.box[2]), Math.min(image.height - 1, word.box[3])];
  const counts: number[] = [];
  for (let y = y0; y <= y1; y++) {
    let run = 0;
    for (let x = x0; x <= x1 + 1; x++) {
      if (x <= x1 && image.gray[y * image.width + x] < DARK_GRAY) run++;
      else if (run) {
        counts[run] = (counts[run] ?? 0) + 1;
        run = 0;
      }
    }
  }
  const stroke = histogramMedian(counts);
  return stroke === null ? null : stroke / line.xSize;
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
