import { TextRun, PagePath } from '../model.js';
import { boxArea, intersectionArea } from '../geometry.js';
import { BBox } from '../types.js';
import { CellGrid, cellBounds, components } from './cell-grid.js';
import { ImageToRead, Recogniser } from './engines.js';
import { averageConfidence, OcrLine, OcrWord, parseHocr } from './hocr.js';
import { DOUBTFUL_WORD } from './word-confidence.js';
import { DARK_GRAY, imageBoxOf, PageImageForOcr, pageBoxOf } from './render.js';
import { letterCount } from './scripts.js';
import { cut, linesInSlot, PixelBox, quarterTurn, stack } from './strip.js';

/** Turned text is looked for on cells this many points square. */
const CELL_PT = 1;
/**
 * Gaps this long (points) down a column of cells are bridged: between a turned word's letters, the
 * space between its words, and an underscore too light to be ink.
 */
const ALONG_PT = 6;
/** A turned line is at least this long (points): a few letters. */
const MIN_LENGTH_PT = 20;
/** Its letters are this high (its width on the page, points): small print to a heading. */
const MIN_HEIGHT_PT = 3;
const MAX_HEIGHT_PT = 30;
/** And it is at least this many times as long as it is high. */
const MIN_ELONGATION = 2.5;
/** Letters ink at most this share of their box: a solid bar (a chart's) is not text. */
const MAX_INK_SHARE = 0.5;
/** A rule bounding a turned piece may stand this far from it (points), or as far as the piece is long. */
const MIN_RULE_REACH_PT = 12;
/** Slack (points) in a rule's reach along a piece: a scan's rules stop a little short of a corner. */
const SLACK_PT = 2;
/** A word this many times as wide as high is set along the page. */
const ACROSS_SHARE = 1.5;
/** A word this close to one set along the page (in line heights) is of its phrase. */
const BESIDE = 2;
/**
 * A turned piece's reading is text from this mean confidence: a short one with a sign beside its
 * letters ("*JOBCTL") reads at 67, while the same piece read the wrong way up reads at 0-50.
 */
const TURNED_CONFIDENCE = 60;
/** A turned reading keeps at least this many letters. */
const MIN_LETTERS = 2;

/** Text set at a quarter turn, read: its runs (page space) and its boxes (image pixels). */
export interface TurnedText {
  runs: TextRun[];
  boxes: PixelBox[];
}

/**
 * Text set at a quarter turn in a ruled table (upward column headers), which Tesseract reads only
 * upright: the tall, narrow stretches of ink that no upright word accounts for (nor a rule), standing
 * between rules, cut out, turned upright both ways and read, each kept where one way reads it surely.
 * They come back as the vertical runs born-digital pages give for such text, which the table stage
 * places in the table's header row; Tesseract's upright reading of them (letters read across) is to
 * be dropped.
 */
export async function readTurnedText(
  recogniser: Recogniser,
  image: PageImageForOcr,
  toRead: ImageToRead,
  lines: OcrLine[],
  rules: PagePath[],
  languages: readonly string[],
  pageHeight: number,
): Promise<TurnedText> {
  const found = turnedInk(image, lines, rules, pageHeight).filter((box) =>
    betweenRules(pageBoxOf(box, image.scale, pageHeight), rules),
  );
  if (!found.length || !languages.length) return { runs: [], boxes: [] };
  const pieces = found.map((box) => cut(toRead, box));
  const pad = (piece: ImageToRead) => piece.height;
  // Upward (read bottom to top, as most turned headers are) and downward.
  const readings: OcrWord[][][] = [];
  for (const clockwise of [true, false]) {
    const strip = stack(
      pieces.map((p) => quarterTurn(p, clockwise)),
      pad,
    );
    const read = parseHocr(await recogniser.recognise(strip.image, languages));
    readings.push(strip.slots.map((slot) => linesInSlot(read, slot).flatMap((l) => l.words)));
  }
  const runs: TextRun[] = [];
  const boxes: PixelBox[] = [];
  for (const [i, box] of found.entries()) {
    const words = readings.map((r) => r[i]).sort((a, b) => averageConfidence(b) - averageConfidence(a))[0];
    if (!isReading(words)) continue;
    const [x0, y0, x1, y1] = pageBoxOf(box, image.scale, pageHeight);
    const text = words.map((w) => w.text).join(' ');
    runs.push({
      text,
      x0,
      y0,
      x1,
      y1,
      base: y0,
      size: x1 - x0,
      bold: false,
      italic: false,
      mono: false,
      rtl: false,
    });
    boxes.push(box);
  }
  return { runs, boxes };
}

/** The words a turned piece was read as are text: read surely enough, with letters among them. */
function isReading(words: OcrWord[]): boolean {
  const letters = words.reduce((n, w) => n + letterCount(w.text), 0);
  return words.length > 0 && letters >= MIN_LETTERS && averageConfidence(words) >= TURNED_CONFIDENCE;
}

/** The lines' words but those lying mostly inside a turned piece: Tesseract's reading of it upright. */
export function withoutTurned(lines: OcrLine[], boxes: PixelBox[]): OcrLine[] {
  if (!boxes.length) return lines;
  const inside = (w: OcrWord) => boxes.some((b) => intersectionArea(w.box, b) > 0.5 * boxArea(w.box));
  return lines
    .map((line) => ({ ...line, words: line.words.filter((w) => !inside(w)) }))
    .filter((line) => line.words.length);
}

/**
 * Whether a piece stands between two rules, as a table's cell does: one either side, or one above and
 * one below, each running its whole length and no further from it than it is long (a header shorter
 * than its row's longest is set against one rule). A chart's turned axis title has its axis on one
 * side only, and stays the chart's.
 */
export function betweenRules([x0, y0, x1, y1]: BBox, rules: PagePath[]): boolean {
  const reach = Math.max(MIN_RULE_REACH_PT, y1 - y0);
  const upright = rules.filter((r) => r.bbox[3] - r.bbox[1] > r.bbox[2] - r.bbox[0]);
  const flat = rules.filter((r) => r.bbox[3] - r.bbox[1] <= r.bbox[2] - r.bbox[0]);
  const alongside = upright.filter((r) => r.bbox[1] <= y0 + SLACK_PT && r.bbox[3] >= y1 - SLACK_PT);
  const across = flat.filter((r) => r.bbox[0] <= x0 + SLACK_PT && r.bbox[2] >= x1 - SLACK_PT);
  const near = (gap: number) => gap >= -SLACK_PT && gap <= reach;
  return (
    (alongside.some((r) => near(x0 - r.bbox[2])) && alongside.some((r) => near(r.bbox[0] - x1))) ||
    (across.some((r) => near(r.bbox[1] - y1)) && across.some((r) => near(y0 - r.bbox[3])))
  );
}

/** Tall, narrow stretches of ink outside upright words and rules, in image pixels. */
function turnedInk(
  image: PageImageForOcr,
  lines: OcrLine[],
  rules: PagePath[],
  pageHeight: number,
): PixelBox[] {
  const cell = Math.max(2, Math.round(CELL_PT * image.scale));
  const cols = Math.ceil(image.width / cell);
  const rows = Math.ceil(image.height / cell);
  const on = new Uint8Array(cols * rows);
  for (let y = 0; y < image.height; y++) {
    const row = Math.floor(y / cell) * cols;
    for (let x = 0, i = y * image.width; x < image.width; x++, i++) {
      if (image.gray[i] < DARK_GRAY) on[row + Math.floor(x / cell)] = 1;
    }
  }
  const clear = ([x0, y0, x1, y1]: BBox, margin: number) => {
    const [c0, r0] = [
      Math.max(0, Math.floor(x0 / cell) - margin),
      Math.max(0, Math.floor(y0 / cell) - margin),
    ];
    const [c1, r1] = [
      Math.min(cols - 1, Math.floor(x1 / cell) + margin),
      Math.min(rows - 1, Math.floor(y1 / cell) + margin),
    ];
    for (let r = r0; r <= r1; r++) on.fill(0, r * cols + c0, r * cols + c1 + 1);
  };
  for (const line of lines) for (const w of line.words) if (isUpright(w, line)) clear(w.box, 0);
  for (const rule of rules) clear(imageBoxOf(rule.bbox, image.scale, pageHeight), 1);
  const grid: CellGrid = { cols, rows, on };
  const pt = (cells: number) => (cells * cell) / image.scale;
  const out: PixelBox[] = [];
  for (const cells of components(bridgeDown(grid, Math.round(ALONG_PT / CELL_PT)))) {
    const [c0, r0, c1, r1] = cellBounds(cells, cols);
    const [width, length] = [pt(c1 - c0 + 1), pt(r1 - r0 + 1)];
    if (length < MIN_LENGTH_PT || width < MIN_HEIGHT_PT || width > MAX_HEIGHT_PT) continue;
    if (length < MIN_ELONGATION * width) continue;
    const box: PixelBox = [c0 * cell, r0 * cell, (c1 + 1) * cell, (r1 + 1) * cell];
    if (inkShare(image, box) <= MAX_INK_SHARE) out.push(box);
  }
  return out;
}

/** The grid with every gap of at most `gap` cells between two on cells of one column filled. */
function bridgeDown({ cols, rows, on }: CellGrid, gap: number): CellGrid {
  const out = on.slice();
  for (let c = 0; c < cols; c++) {
    let last = -1;
    for (let r = 0; r < rows; r++) {
      if (!on[r * cols + c]) continue;
      if (last >= 0 && r - last - 1 <= gap) for (let k = last + 1; k < r; k++) out[k * cols + c] = 1;
      last = r;
    }
  }
  return { cols, rows, on: out };
}

/**
 * Whether a word is upright text: read surely, and set along the page (wider than high) or beside
 * such a word of its line (a list's number before its item). What Tesseract reads across turned
 * letters are marks about as wide as high, one per letter it crosses, standing alone.
 */
function isUpright(word: OcrWord, line: OcrLine): boolean {
  const sure = (w: OcrWord) => w.confidence >= DOUBTFUL_WORD;
  const along = (w: OcrWord) => sure(w) && w.box[2] - w.box[0] >= ACROSS_SHARE * (w.box[3] - w.box[1]);
  if (!sure(word)) return false;
  if (along(word)) return true;
  const reach = BESIDE * (line.box[3] - line.box[1]);
  return line.words.some(
    (w) => w !== word && along(w) && w.box[0] - word.box[2] < reach && word.box[0] - w.box[2] < reach,
  );
}

function inkShare(image: PageImageForOcr, [x0, y0, x1, y1]: PixelBox): number {
  let ink = 0;
  for (let y = y0; y < Math.min(y1, image.height); y++) {
    for (let x = x0, i = y * image.width + x0; x < Math.min(x1, image.width); x++, i++) {
      if (image.gray[i] < DARK_GRAY) ink++;
    }
  }
  return ink / Math.max(1, (x1 - x0) * (y1 - y0));
}
