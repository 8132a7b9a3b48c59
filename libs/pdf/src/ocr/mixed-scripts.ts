import { spanOverlap } from '../geometry.js';
import { ImageToRead, Recogniser } from './engines.js';
import { OcrLine, OcrWord, parseHocr } from './hocr.js';
import { DOUBTFUL_WORD } from './word-confidence.js';
import { cut, linesInSlot, stack } from './strip.js';

/** White around each line cut out to be read again, in line heights: Tesseract wants a margin. */
const MARGIN = 0.5;

/**
 * Text in one script carries words in another (a Korean report's "WHO" and "COVID-19", an Arabic
 * article's "Python"), which that script's model reads as digits and punctuation. The page was read
 * in `read` (its script's languages); each line holding a doubtful word is read again with `read` and
 * `also` together, Tesseract choosing each word's language, and a doubtful word gives way to what that
 * reading finds in its place confidently. The lines are read together, cut out of the page and
 * stacked one under another: two models read a line at two or three times the cost of one, so the
 * rest of the page is not read again.
 */
export async function rereadMixedLines(
  recogniser: Recogniser,
  image: ImageToRead,
  lines: OcrLine[],
  read: readonly string[],
  also: readonly string[],
): Promise<OcrLine[]> {
  const doubtful = lines.filter((l) => l.words.some((w) => w.confidence < DOUBTFUL_WORD));
  if (!doubtful.length || !also.length) return lines;
  // Only the line's own box is cut out: the rows above and below it hold the neighbouring lines'
  // ascenders and descenders.
  const pieces = doubtful.map((l) => cut(image, l.box));
  const pad = (piece: ImageToRead) => MARGIN * piece.height;
  const strip = stack(pieces, pad);
  const reread = parseHocr(await recogniser.recognise(strip.image, [...read, ...also]));
  return lines.map((line) => {
    const i = doubtful.indexOf(line);
    if (i < 0) return line;
    const slot = strip.slots[i];
    // From the strip back to the page: the piece's corner stands `pad` inside its slot.
    const dx = Math.max(0, line.box[0]) - Math.round(pad(pieces[i]));
    const dy = Math.max(0, line.box[1]) - Math.round(pad(pieces[i])) - slot.top;
    const words = linesInSlot(reread, slot)
      .flatMap((l) => l.words)
      .map((w): OcrWord => ({ ...w, box: [w.box[0] + dx, w.box[1] + dy, w.box[2] + dx, w.box[3] + dy] }));
    return { ...line, words: mergeReadings(line.words, words) };
  });
}

/**
 * A line's words with each doubtful one replaced by what the second reading (`reread`, in page
 * pixels) found in its place.
 */
export function mergeReadings(words: OcrWord[], reread: OcrWord[]): OcrWord[] {
  const found = placeWords(reread, words);
  return words.flatMap((w) => readAgain(w, found.get(w) ?? []));
}

/**
 * The words of the second reading by the first-reading word each stands mostly within (the one it
 * overlaps most), each placed once. One that covers half of a confidently read word (or stands half
 * over it) reads that word again, and is placed nowhere: only the doubtful words are read again.
 */
function placeWords(reread: OcrWord[], words: OcrWord[]): Map<OcrWord, OcrWord[]> {
  const placed = new Map<OcrWord, OcrWord[]>();
  const overlap = (a: OcrWord, b: OcrWord) => spanOverlap(a.box[0], a.box[2], b.box[0], b.box[2]);
  for (const r of reread) {
    const half = (r.box[2] - r.box[0]) / 2;
    let best: OcrWord | undefined;
    for (const w of words) if (!best || overlap(r, w) > overlap(r, best)) best = w;
    if (!best || overlap(r, best) <= half) continue;
    const covers = (w: OcrWord) => overlap(r, w) > Math.min(half, (w.box[2] - w.box[0]) / 2);
    if (words.some((w) => w.confidence >= DOUBTFUL_WORD && covers(w))) continue;
    placed.set(best, [...(placed.get(best) ?? []), r]);
  }
  return placed;
}

/**
 * A doubtful word, or the words the second reading found in its place that it read confidently.
 * Words read confidently the first time are kept: the second reading is no surer of its own script's
 * words, and reads some of them as Latin letters.
 */
function readAgain(word: OcrWord, found: OcrWord[]): OcrWord[] {
  if (word.confidence >= DOUBTFUL_WORD) return [word];
  const sure = found.filter((w) => w.confidence >= DOUBTFUL_WORD);
  return sure.length ? sure : [word];
}
