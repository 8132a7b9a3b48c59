import { ImageToRead, Recogniser } from './engines.js';
import { OcrLine, OcrWord, parseHocr } from './hocr.js';

/**
 * A word its script's model reads with less confidence than this may be in another script: on the
 * docling corpus's Korean and Arabic scans their own words read at 85-97, and the Latin words set among
 * them ("WHO", "Python", "pandas") at 0-66 (as digits and punctuation).
 */
const DOUBTFUL_WORD = 70;

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
  const strip = stackLines(image, doubtful);
  const reread = parseHocr(await recogniser.recognise(strip.image, [...read, ...also]));
  return lines.map((line) => {
    const i = doubtful.indexOf(line);
    if (i < 0) return line;
    const slot = strip.slots[i];
    const words = reread
      .filter((l) => {
        const middle = (l.box[1] + l.box[3]) / 2;
        return middle >= slot.top && middle < slot.top + slot.height;
      })
      .flatMap((l) => l.words)
      .map((w) => ({ ...w, box: shift(w.box, slot) }));
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
  const overlap = (a: OcrWord, b: OcrWord) => Math.min(a.box[2], b.box[2]) - Math.max(a.box[0], b.box[0]);
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

/** Where a line cut out of the page stands in the strip: its strip rows, and the page x and y of its corner. */
interface Slot {
  top: number;
  height: number;
  dx: number;
  dy: number;
}

function shift(
  [x0, y0, x1, y1]: [number, number, number, number],
  s: Slot,
): [number, number, number, number] {
  return [x0 + s.dx, y0 + s.dy - s.top, x1 + s.dx, y1 + s.dy - s.top];
}

/**
 * The lines cut out of the page, one under another with white around each: only the line's own box
 * is copied, as the rows above and below it hold the neighbouring lines' ascenders and descenders.
 */
function stackLines(image: ImageToRead, lines: OcrLine[]): { image: ImageToRead; slots: Slot[] } {
  const cuts = lines.map(({ box }) => ({
    x0: Math.max(0, box[0]),
    y0: Math.max(0, box[1]),
    x1: Math.min(image.width, box[2]),
    y1: Math.min(image.height, box[3]),
    pad: Math.round(MARGIN * (box[3] - box[1])),
  }));
  const width = Math.max(...cuts.map((c) => c.x1 - c.x0 + 2 * c.pad));
  const height = cuts.reduce((n, c) => n + c.y1 - c.y0 + 2 * c.pad, 0);
  const gray = new Uint8Array(width * height).fill(255);
  const slots: Slot[] = [];
  let top = 0;
  for (const c of cuts) {
    for (let y = c.y0; y < c.y1; y++) {
      const at = (top + c.pad + y - c.y0) * width + c.pad;
      gray.set(image.gray.subarray(y * image.width + c.x0, y * image.width + c.x1), at);
    }
    const height = c.y1 - c.y0 + 2 * c.pad;
    slots.push({ top, height, dx: c.x0 - c.pad, dy: c.y0 - c.pad });
    top += height;
  }
  return { image: { gray, width, height, dpi: image.dpi }, slots };
}
