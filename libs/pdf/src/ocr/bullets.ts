import { OcrLine, OcrWord, averageConfidence, baselineAt } from './hocr.js';
import { DARK_GRAY, GrayImage } from './render.js';

/** Tesseract reads a bullet as a word of a character or two ("e", "¢", "°", "oe"). */
const MAX_MISREAD_CHARS = 2;
/**
 * A bullet's dot is this share of the line's text height across, or more: a full stop or a middle
 * dot is smaller (about a tenth).
 */
const MIN_DOT_SIZE = 0.2;
/** And no more than this: a letter of the line is taller. */
const MAX_DOT_SIZE = 0.7;
/** A dot is about as wide as it is high (a dash, a rule are long). */
const MAX_ASPECT = 1.6;
/**
 * Share of its box a filled dot inks: a disc about 0.78, a square 1; a letter's strokes ("e", "o",
 * "c") leave it open, at 0.5 or less.
 */
const MIN_FILL = 0.68;
/**
 * Or a solid shape of this fill or more, dark from end to end of every row and column across it: a
 * triangle ("►", which Tesseract reads as ">" or "»") fills half its box, a diamond about as much.
 * Letters are not solid both ways: strokes leave gaps ("e", "o", "a") or notches.
 */
const MIN_SOLID_FILL = 0.45;
const SOLID_SHARE = 0.95;
/** A bullet's centre stands this share of the text height above the baseline; a full stop sits on it. */
const MIN_RISE = 0.1;

/**
 * A hollow round bullet ("◦", a nested list's marker) Tesseract reads as "o", "eo" or "°": a ring
 * smaller than the line's x-height (the letter "o" is as high as the x-height or a little more), a
 * third of it at least (a degree sign is smaller), round, its centre clear.
 */
const MIN_RING_SIZE = 0.3;
const MAX_RING_SIZE = 0.8;
const MAX_RING_ASPECT = 1.3;
/**
 * And it stands apart as a list's marker does: the item's text starts this many x-heights after it,
 * where a word space is about half an x-height.
 */
const MIN_MARKER_GAP = 1.2;

export const BULLET = '•';
const WHITE_BULLET = '◦';

/**
 * Reads the bullets Tesseract misreads. A filled round or square dot before a list item comes back
 * as a word of a character or two ("e", "¢", "°"); the pixels tell it apart from a short word, as a
 * letter's strokes leave most of its box open while a dot fills it. Each such word becomes "•", so
 * the list stage sees the marker it sees on born-digital pages. A nested list's hollow ring comes
 * back as "o" or "eo": smaller than the line's letters and set apart from its item, it becomes "◦".
 * (A dot Tesseract glues to the item's first word is left: a first letter alone, "a" of "and", can
 * fill its box as a dot does.)
 */
export function readBullets(lines: OcrLine[], image: GrayImage): OcrLine[] {
  return lines.map((line) => {
    const marks = line.words.map((w, i) => bulletOf(line, i, image));
    if (!marks.some(Boolean)) return line;
    // A dot read as a letter costs its word confidence; the bullet is as sure as the line's words.
    const confidence = averageConfidence(line.words.filter((_, i) => !marks[i]));
    const words = line.words.map((w, i) => {
      const mark = marks[i];
      return mark ? { ...w, text: mark, confidence: Math.max(w.confidence, confidence) } : w;
    });
    return { ...line, words };
  });
}

/** The bullet the line's word at `index` is (filled anywhere on the line, hollow at its start), or null. */
function bulletOf(line: OcrLine, index: number, image: GrayImage): string | null {
  const word = line.words[index];
  if (word.text === BULLET || word.text === WHITE_BULLET || [...word.text].length > MAX_MISREAD_CHARS)
    return null;
  const ink = inkIn(word.box, image);
  if (!ink) return null;
  if (isDot(ink, line, image)) return BULLET;
  return index === 0 && isRing(ink, line, image) && standsApart(line) ? WHITE_BULLET : null;
}

interface Ink {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Dark pixels inside. */
  dark: number;
}

/** Whether the ink is a bullet's dot on this line: filled or solid, of a dot's size, raised. */
function isDot(ink: Ink, line: OcrLine, image: GrayImage): boolean {
  const size = line.xSize;
  const width = ink.right - ink.left + 1;
  const height = ink.bottom - ink.top + 1;
  const small = Math.min(width, height);
  const large = Math.max(width, height);
  if (small < MIN_DOT_SIZE * size || large > MAX_DOT_SIZE * size || large > MAX_ASPECT * small) return false;
  const fill = ink.dark / (width * height);
  if (fill < MIN_SOLID_FILL || (fill < MIN_FILL && !isSolid(ink, image))) return false;
  const centreX = (ink.left + ink.right) / 2;
  const baseline = baselineAt(line, centreX);
  return baseline - (ink.top + ink.bottom) / 2 >= MIN_RISE * size;
}

/** Whether the ink is a hollow round bullet's ring: round, smaller than a letter, its centre clear. */
function isRing(ink: Ink, line: OcrLine, image: GrayImage): boolean {
  if (line.xHeight === undefined) return false;
  const width = ink.right - ink.left + 1;
  const height = ink.bottom - ink.top + 1;
  const large = Math.max(width, height);
  if (large < MIN_RING_SIZE * line.xHeight || large > MAX_RING_SIZE * line.xHeight) return false;
  if (large > MAX_RING_ASPECT * Math.min(width, height)) return false;
  const [cx, cy] = [Math.round((ink.left + ink.right) / 2), Math.round((ink.top + ink.bottom) / 2)];
  return image.gray[cy * image.width + cx] >= DARK_GRAY;
}

/** Whether the line's second word starts a list marker's gap after its first. */
function standsApart(line: OcrLine): boolean {
  const [first, second] = line.words;
  return second !== undefined && second.box[0] - first.box[2] >= MIN_MARKER_GAP * (line.xHeight ?? Infinity);
}

/** The box around the dark pixels inside a box, and how many there are. */
function inkIn(box: OcrWord['box'], image: GrayImage): Ink | null {
  const [x0, y0] = [Math.max(0, box[0]), Math.max(0, box[1])];
  const [x1, y1] = [Math.min(image.width - 1, box[2]), Math.min(image.height - 1, box[3])];
  let [left, top, right, bottom, dark] = [Infinity, Infinity, -1, -1, 0];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (image.gray[y * image.width + x] >= DARK_GRAY) continue;
      dark++;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return dark ? { left, top, right, bottom, dark } : null;
}

/** Whether every row and every column of the ink's box is dark from its first dark pixel to its last. */
function isSolid({ left, top, right, bottom }: Ink, image: GrayImage): boolean {
  const [w, h] = [right - left + 1, bottom - top + 1];
  // Per row and per column: first and last dark pixel, and how many are dark.
  const first = new Int32Array(w + h).fill(-1);
  const last = new Int32Array(w + h);
  const count = new Int32Array(w + h);
  const mark = (k: number, at: number) => {
    if (first[k] < 0) first[k] = at;
    last[k] = at;
    count[k]++;
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (image.gray[(top + y) * image.width + left + x] >= DARK_GRAY) continue;
      mark(y, x);
      mark(h + x, y);
    }
  }
  const share = (from: number, to: number) => {
    let [inked, spanned] = [0, 0];
    for (let k = from; k < to; k++) {
      if (first[k] < 0) continue;
      inked += count[k];
      spanned += last[k] - first[k] + 1;
    }
    return spanned ? inked / spanned : 0;
  };
  return share(0, h) >= SOLID_SHARE && share(h, h + w) >= SOLID_SHARE;
}
