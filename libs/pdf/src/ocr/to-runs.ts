import { placedRun } from '../extract/placed-run.js';
import { TextRun } from '../model.js';
import { OcrLine } from './hocr.js';

/**
 * Line heights within this share of the page's commonest one are that size: Tesseract's estimate
 * wavers by a pixel or two from line to line, which would otherwise read as changes of font size.
 */
const SAME_SIZE_SHARE = 0.12;

/**
 * Recognised words as text runs in page space (points, origin bottom-left), one run per word: the
 * line, table and heading stages then treat them like a born-digital page's runs. `scale` is the
 * render's pixels per point; the render covers the whole displayed page.
 */
export function ocrRuns(lines: OcrLine[], scale: number, pageHeight: number): TextRun[] {
  const sizes = lines.map((line) => line.xSize / scale);
  const common = commonSize(lines, sizes);
  const runs: TextRun[] = [];
  for (const [i, line] of lines.entries()) {
    const measured = sizes[i];
    const size =
      common && Math.abs(measured - common) <= SAME_SIZE_SHARE * common
        ? common
        : Math.round(measured * 2) / 2;
    for (const word of line.words) {
      const [left, , right] = word.box;
      const baseY = line.baseline.y + line.baseline.slope * ((left + right) / 2 - line.box[0]);
      const base = pageHeight - baseY / scale;
      runs.push(placedRun(word.text, left / scale, right / scale, base, size));
    }
  }
  return runs;
}

/** The size (to half a point) carrying most characters. */
function commonSize(lines: OcrLine[], sizes: number[]): number | null {
  const weights = new Map<number, number>();
  for (const [i, line] of lines.entries()) {
    const key = Math.round(sizes[i] * 2) / 2;
    const chars = line.words.reduce((n, w) => n + w.text.length, 0);
    weights.set(key, (weights.get(key) ?? 0) + chars);
  }
  let best: number | null = null;
  for (const [size, weight] of weights) if (best === null || weight > weights.get(best)!) best = size;
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
