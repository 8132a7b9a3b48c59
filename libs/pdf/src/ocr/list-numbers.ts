import { OcrLine, OcrWord, baselineAt } from './hocr.js';
import { DARK_GRAY, GrayImage } from './render.js';

/** An item's number read with a comma for its full stop ("4,"), alone before the item's text. */
const COMMA_NUMBER = /^(\d{1,3}),$/;
/** An item's number glued to its first word ("1.For"): no sentence runs a number into a capital so. */
const GLUED_NUMBER = /^(\d{1,3})[.,](?=\p{Lu})/u;
/** A comma's tail reaches this share of the x-height below the baseline; a full stop stays on it. */
const COMMA_TAIL = 0.15;

/**
 * Mends the numbers of list items Tesseract misreads at a line's start, so the list stage sees the
 * marker it sees on born-digital pages: a full stop read as a comma ("4, Stable ...", told by the
 * pixels: a comma's tail hangs below the baseline, a full stop's does not), and a number glued to
 * the item's first word ("1.For this ...", parted at the widest clear gap inside the word).
 */
export function readListNumbers(lines: OcrLine[], image: GrayImage): OcrLine[] {
  return lines.map((line) => {
    const [first, ...rest] = line.words;
    if (!first || !rest.length) return line;
    const comma = COMMA_NUMBER.exec(first.text);
    if (comma && line.xHeight !== undefined && !hangsBelow(first, line, image)) {
      return { ...line, words: [{ ...first, text: `${comma[1]}.` }, ...rest] };
    }
    const glued = GLUED_NUMBER.exec(first.text);
    if (glued) return { ...line, words: [...parted(first, glued[0].length, image), ...rest] };
    return line;
  });
}

/** Whether the ink at the word's right end (its last mark) reaches below the line's baseline. */
function hangsBelow(word: OcrWord, line: OcrLine, image: GrayImage): boolean {
  const [x0, y0, x1, y1] = word.box;
  const inked = (x: number) => columnInked(image, x, y0, y1);
  // The last mark: inked columns from the right up to the first clear one.
  let right = x1;
  while (right > x0 && !inked(right)) right--;
  let left = right;
  while (left > x0 && inked(left - 1)) left--;
  let bottom = -1;
  for (let y = y0; y <= Math.min(image.height - 1, y1 + line.xHeight!); y++) {
    for (let x = left; x <= right; x++) if (image.gray[y * image.width + x] < DARK_GRAY) bottom = y;
  }
  const baseline = baselineAt(line, (left + right) / 2);
  return bottom > baseline + COMMA_TAIL * line.xHeight!;
}

/** The word parted after its first `chars` characters (the number, as "N."), at its widest clear gap. */
function parted(word: OcrWord, chars: number, image: GrayImage): [OcrWord, OcrWord] {
  const [x0, y0, x1, y1] = word.box;
  let [gapStart, gapWidth, runStart] = [-1, 0, -1];
  for (let x = x0; x <= x1; x++) {
    const clear = !columnInked(image, x, y0, y1);
    if (clear && runStart < 0) runStart = x;
    // A clear run between marks (not a margin of the box) is a gap.
    if (!clear && runStart >= 0) {
      if (runStart > x0 && x - runStart > gapWidth) [gapStart, gapWidth] = [runStart, x - runStart];
      runStart = -1;
    }
  }
  // Without a clear gap, the number takes its share of the word's width.
  const text = [...word.text];
  const end = gapWidth ? gapStart - 1 : Math.round(x0 + ((x1 - x0) * chars) / text.length);
  const start = gapWidth ? gapStart + gapWidth : end + 1;
  const number = `${text.slice(0, chars - 1).join('')}.`;
  return [
    { ...word, text: number, box: [x0, y0, end, y1] },
    { ...word, text: text.slice(chars).join(''), box: [start, y0, x1, y1] },
  ];
}

/** Whether any pixel of column `x` from row `y0` to `y1` is dark. */
function columnInked(image: GrayImage, x: number, y0: number, y1: number): boolean {
  for (let y = y0; y <= y1; y++) if (image.gray[y * image.width + x] < DARK_GRAY) return true;
  return false;
}
