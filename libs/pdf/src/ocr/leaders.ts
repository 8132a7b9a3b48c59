import { OcrLine, OcrWord, averageConfidence, baselineAt } from './hocr.js';
import { DARK_GRAY, GrayImage } from './render.js';

/**
 * Ink no higher above the baseline than this share of the line's text height is a leader's dot (a
 * table of contents, an index); taller ink is a glyph's body.
 */
const DOT_HEIGHT_SHARE = 0.25;
/** A leader is at least this many text heights long: shorter runs of dots are an ellipsis. */
const MIN_LEADER_LENGTH = 1.5;
/** And shows at least this many dots. */
const MIN_DOTS = 3;
/** Dots further apart than this (in text heights) were typeset with spaces between them (". . ."). */
const SPACED_GAP = 0.25;
/**
 * The dots Tesseract glues to a word ("access:......"), after or before it; what follows the first
 * few dots is its reading of the rest of the leader.
 */
const GLUED_AFTER = /[.·…,]{2,}.*$|[.·…,]+$/;
const GLUED_BEFORE = /^.*[.·…,]{2,}|^[.·…,]+/;

interface Leader {
  from: number;
  to: number;
  text: string;
}

/**
 * Reads each line's leaders from the pixels, as Tesseract reads them poorly: a row of dots on the
 * baseline comes back as "eee", as dots glued to the word before, and padded with invented words of
 * no confidence over the same stretch. Each leader becomes one word of as many dots as the page
 * shows; the words read over it are dropped, and a word it touches loses the dots glued to it and
 * the low confidence they cost it.
 */
export function readLeaders(lines: OcrLine[], image: GrayImage): OcrLine[] {
  return lines.map((line) => {
    const leaders = findLeaders(line, image);
    if (!leaders.length) return line;
    // Tesseract's boxes for what it invents over a leader stray a little past the dots.
    const slack = DOT_HEIGHT_SHARE * line.xSize;
    const inside = (w: OcrWord) =>
      leaders.some((l) => w.box[0] >= l.from - slack && w.box[2] <= l.to + slack);
    // A word glued to its leader by Tesseract ends a word space or so before the dots it found.
    const reach = 2 * slack;
    const clear = line.words.filter((w) => !inside(w) && !leaders.some((l) => touches(w, l, reach)));
    const confidence = averageConfidence(clear);
    const words: OcrWord[] = [];
    for (const word of line.words) {
      if (inside(word)) continue;
      const leader = leaders.find((l) => touches(word, l, reach));
      const trimmed = leader ? trim(word, leader, confidence) : word;
      if (trimmed) words.push(trimmed);
    }
    const [top, bottom] = [line.box[1], line.box[3]];
    for (const l of leaders) words.push({ text: l.text, box: [l.from, top, l.to, bottom], confidence });
    return { ...line, words: words.sort((a, b) => a.box[0] - b.box[0]) };
  });
}

/** Whether the word reaches the leader, or stops within `reach` of it. */
function touches(word: OcrWord, leader: Leader, reach: number): boolean {
  return word.box[0] < leader.to + reach && word.box[2] > leader.from - reach;
}

/** The word without the dots glued to the side the leader covers, or null when nothing is left. */
function trim(word: OcrWord, leader: Leader, confidence: number): OcrWord | null {
  const onRight = leader.from + leader.to > word.box[0] + word.box[2];
  const text = word.text.replace(onRight ? GLUED_AFTER : GLUED_BEFORE, '');
  if (!text) return null;
  const box: OcrWord['box'] = onRight
    ? [word.box[0], word.box[1], Math.max(word.box[0] + 1, leader.from - 1), word.box[3]]
    : [Math.min(word.box[2] - 1, leader.to + 1), word.box[1], word.box[2], word.box[3]];
  return { text, box, confidence: Math.max(word.confidence, confidence) };
}

/**
 * The line's leaders: stretches at least `MIN_LEADER_LENGTH` long with no ink above the dots'
 * height, showing at least `MIN_DOTS` marks each no wider than a dot is tall times two.
 */
function findLeaders(line: OcrLine, image: GrayImage): Leader[] {
  const size = line.xSize;
  const dotHeight = DOT_HEIGHT_SHARE * size;
  const left = Math.max(0, line.box[0]);
  const right = Math.min(image.width - 1, line.box[2]);
  const top = Math.max(0, line.box[1]);
  const leaders: Leader[] = [];
  let marks: [number, number][] = [];
  const close = () => {
    if (marks.length >= MIN_DOTS) {
      const from = marks[0][0];
      const to = marks[marks.length - 1][1];
      const narrow = marks.every(([a, b]) => b - a + 1 <= 2 * dotHeight);
      if (to - from >= MIN_LEADER_LENGTH * size && narrow && regular(marks))
        leaders.push({ from, to, text: dots(marks, size) });
    }
    marks = [];
  };
  for (let x = left; x <= right; x++) {
    const base = Math.round(baselineAt(line, x));
    const dotTop = Math.round(base - dotHeight);
    let low = false;
    let tall = false;
    for (let y = top; y <= Math.min(image.height - 1, base + 1); y++) {
      if (image.gray[y * image.width + x] >= DARK_GRAY) continue;
      if (y < dotTop) tall = true;
      else low = true;
    }
    if (tall) {
      close();
      continue;
    }
    if (!low) continue;
    const last = marks[marks.length - 1];
    if (last && last[1] === x - 1) last[1] = x;
    else marks.push([x, x]);
  }
  close();
  return leaders;
}

/** A scan's breaks and specks move a dot's edge by a pixel or two. */
const EDGE_PX = 2;

/**
 * Whether the marks are alike and evenly set, as a leader's dots are: small letters of a line whose
 * height Tesseract took from a larger font beside them ("ibm.com" under a display title) are not.
 */
function regular(marks: [number, number][]): boolean {
  const widths = marks.map(([a, b]) => b - a + 1);
  const gaps = marks.slice(1).map((m, i) => m[0] - marks[i][1] - 1);
  const alike = (values: number[]) => {
    const mid = median(values);
    return values.every((v) => Math.abs(v - mid) <= mid / 2 + EDGE_PX);
  };
  return alike(widths) && alike(gaps);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** As many dots as marks, spaced as printed. */
function dots(marks: [number, number][], size: number): string {
  const gaps = marks.slice(1).map((m, i) => m[0] - marks[i][1] - 1);
  const meanGap = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  return Array(marks.length)
    .fill('.')
    .join(meanGap >= SPACED_GAP * size ? ' ' : '');
}
