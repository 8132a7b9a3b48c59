import { captionKind } from '../classify/captions.js';
import { BBox } from '../types.js';
import { CellBox, CellGrid, cellBounds, close, components } from './cell-grid.js';
import { histogramMedian } from './histogram.js';
import { OcrLine, OcrWord, averageConfidence } from './hocr.js';
import { GrayImage, pageBoxOf } from './render.js';
import { PARAGRAPH_LEADING, linePhrases, nearestLine } from './to-runs.js';

/** Pictures are found on a grid of cells this many points wide. */
const CELL_PT = 2;
/** Pixels darker than this are a picture's ink: a chart's light grey bars, a photograph's mid tones. */
export const PICTURE_INK = 200;
/** A cell is inked when this share of its pixels is. */
const INKED_SHARE = 0.1;
/** Or when its mean is this many grey levels darker than the paper: a tint. */
const TINT_STEP = 16;
/** Ink this close (points) is one picture: the bars of a chart, the patches of a photograph. */
const JOIN_PT = 6;
/**
 * A clear lane this wide (points) across a whole picture parts two pictures set side by side or one
 * above the other (sub-figures), as separate images do on born-digital pages; a chart's bars stand
 * on its axis and a photograph's patches on its background, so neither has one.
 */
const GUTTER_PT = 4;
/** A picture is at least this wide and high (points): smaller marks are rules' ends, logos, specks. */
const MIN_SIDE_PT = 48;
/** Inked over at least this share of its box: a table's grid or a frame around text is not. */
const MIN_INKED_SHARE = 0.2;
/**
 * Words cover at most this share of its box: a chart's labels are few, while a shaded table or a
 * slide's background is mostly text.
 */
const MAX_TEXT_SHARE = 0.15;
/** And it covers at most this share of the page: a page-wide tint is a background. */
const MAX_PAGE_SHARE = 0.6;
/** A picture takes in the short lines set within this many of their font sizes of it: its labels. */
const LABEL_REACH = 1.5;
/** Margin (points) kept around a picture's ink and labels, as the crop of a scan wavers a little. */
const MARGIN_PT = 3;
/** A flat tint: this share of its pixels within `FLAT_STEP` grey levels of their median. */
const FLAT_SHARE = 0.85;
const FLAT_STEP = 24;
/** A label line holds at most this many words and characters. */
const MAX_LABEL_WORDS = 4;
const MAX_LABEL_CHARS = 28;
/** Words read with less mean confidence than this are a picture's texture, not text. */
const UNSURE_CONFIDENCE = 50;
/** Rounds of taking in labels: an axis title beyond the tick values is reached in the second. */
const LABEL_ROUNDS = 3;

/**
 * The pictures a scanned page shows (charts, photographs, drawings), as boxes in page space: the
 * page's ink that no recognised word accounts for, gathered into areas that are large, inked over
 * much of their box (a table's grid is not) and hold few words, each grown over the labels set
 * beside it. Their
 * words are then a figure's labels, not body text, as on born-digital pages.
 */
export function picturesOnScan(
  image: GrayImage,
  scale: number,
  pageHeight: number,
  lines: OcrLine[],
): BBox[] {
  const cell = Math.max(2, Math.round(CELL_PT * scale));
  const grid = new Grid(image.width, image.height, cell);
  const ink = grid.inked(image);
  const text = grid.cover(
    lines.flatMap((l) => l.words.map((w) => w.box)),
    1,
  );
  const on = ink.map((v, c) => (v && !text[c] ? 1 : 0));
  const free: CellGrid = { cols: grid.cols, rows: grid.rows, on };
  const joined = close(free, Math.max(1, Math.round(JOIN_PT / CELL_PT)));
  const minSide = MIN_SIDE_PT / CELL_PT;
  const isPicture = (cells: number[]): boolean => {
    const [c0, r0, c1, r1] = grid.bounds(cells);
    if (c1 - c0 + 1 < minSide || r1 - r0 + 1 < minSide) return false;
    const area = (c1 - c0 + 1) * (r1 - r0 + 1);
    if (area > MAX_PAGE_SHARE * grid.cols * grid.rows) return false;
    if (grid.count(on, c0, r0, c1, r1) < MIN_INKED_SHARE * area) return false;
    const words = grid.count(text, c0, r0, c1, r1);
    if (words > MAX_TEXT_SHARE * area) return false;
    // A box of one flat tint holding words is a text box (a shape, a callout), not a picture.
    return !(
      words &&
      grid.flat(
        image,
        cells.filter((c) => on[c]),
      )
    );
  };
  const boxes: BBox[] = [];
  for (const cells of components(joined)) {
    // Parted at its gutters where every part is a picture of its own; else whole, as it stands.
    const parts = grid
      .apart(on, grid.bounds(cells), minSide)
      .map((part) => cells.filter((c) => grid.inside(c, part)));
    const pictures = parts.length > 1 && parts.every(isPicture) ? parts : isPicture(cells) ? [cells] : [];
    for (const picture of pictures) {
      const [c0, r0, c1, r1] = grid.bounds(picture);
      boxes.push([c0 * cell, r0 * cell, (c1 + 1) * cell - 1, (r1 + 1) * cell - 1]);
    }
  }
  return placed(
    boxes.map((box, i) => withLabels(box, lines, [...boxes.slice(0, i), ...boxes.slice(i + 1)])),
    image,
    scale,
    pageHeight,
  );
}

/** The pictures (pixels) with their margins, in page space. */
function placed(boxes: BBox[], image: GrayImage, scale: number, pageHeight: number): BBox[] {
  return boxes
    .map((box, i) =>
      withMargin(
        box,
        MARGIN_PT * scale,
        [...boxes.slice(0, i), ...boxes.slice(i + 1)],
        image,
        GUTTER_PT * scale,
      ),
    )
    .map((box) => pageBoxOf(box, scale, pageHeight));
}

/**
 * The box with `margin` pixels around it, but toward a picture beside it no more than keeps a
 * gutter's width between them: the figure stage joins pictures set closer, as tiles of one.
 */
function withMargin(
  [x0, y0, x1, y1]: BBox,
  margin: number,
  others: BBox[],
  image: GrayImage,
  gutter: number,
): BBox {
  let [left, top, right, bottom] = [margin, margin, margin, margin];
  for (const [ox0, oy0, ox1, oy1] of others) {
    const besideX = oy0 < y1 && oy1 > y0;
    const besideY = ox0 < x1 && ox1 > x0;
    const keep = (gap: number) => Math.max(0, (gap - gutter) / 2);
    if (besideX && ox1 <= x0) left = Math.min(left, keep(x0 - ox1));
    if (besideX && ox0 >= x1) right = Math.min(right, keep(ox0 - x1));
    if (besideY && oy1 <= y0) top = Math.min(top, keep(y0 - oy1));
    if (besideY && oy0 >= y1) bottom = Math.min(bottom, keep(oy0 - y1));
  }
  return [
    Math.max(0, x0 - left),
    Math.max(0, y0 - top),
    Math.min(image.width, x1 + right),
    Math.min(image.height, y1 + bottom),
  ];
}

/**
 * The box grown over the lines set close beside or inside it that lie wholly near it, each phrase of
 * a line judged alone (two sub-figures' captions share a line), but for the last line of a paragraph
 * and the words inside another picture (its own labels, or texture read).
 */
function withLabels(box: BBox, lines: OcrLine[], others: BBox[]): BBox {
  let [x0, y0, x1, y1] = box;
  const inOther = (w: OcrWord) =>
    others.some(
      ([ox0, oy0, ox1, oy1]) => w.box[0] >= ox0 && w.box[2] <= ox1 && w.box[1] >= oy0 && w.box[3] <= oy1,
    );
  const phrases = lines.flatMap(linePhrases);
  for (let round = 0; round < LABEL_ROUNDS; round++) {
    let grown = false;
    for (const line of phrases) {
      const reach = LABEL_REACH * line.fontSize;
      const near = (w: OcrWord) =>
        w.box[0] < x1 + reach && w.box[2] > x0 - reach && w.box[1] < y1 + reach && w.box[3] > y0 - reach;
      // A body line running past the picture is text beside it, a caption is the figure's own.
      if (!isLabel(line) || !line.words.every(near) || line.words.some(inOther) || endsParagraph(line, lines))
        continue;
      for (const w of line.words) {
        if (w.box[0] >= x0 && w.box[1] >= y0 && w.box[2] <= x1 && w.box[3] <= y1) continue;
        [x0, y0, x1, y1] = [
          Math.min(x0, w.box[0]),
          Math.min(y0, w.box[1]),
          Math.max(x1, w.box[2]),
          Math.max(y1, w.box[3]),
        ];
        grown = true;
      }
    }
    if (!grown) break;
  }
  return [x0, y0, x1, y1];
}

/**
 * Whether the line closes a paragraph: right under a line of more words than a label holds, starting
 * where that line starts. A paragraph's short last line just above a picture is no label of it.
 */
function endsParagraph(line: OcrLine, lines: OcrLine[]): boolean {
  const above = nearestLine(lines, line, -1, PARAGRAPH_LEADING * line.fontSize);
  return (
    !!above && above.words.length > MAX_LABEL_WORDS && Math.abs(above.box[0] - line.box[0]) <= line.fontSize
  );
}

/**
 * A label is a few words at most (tick values, category names, a legend entry, an axis title), or
 * what Tesseract reads in a picture's texture and slanted lettering: words it is unsure of.
 */
function isLabel(line: OcrLine): boolean {
  const text = line.words.map((w) => w.text).join(' ');
  if (captionKind(text)) return false;
  const unsure = averageConfidence(line.words) < UNSURE_CONFIDENCE;
  return unsure || (line.words.length <= MAX_LABEL_WORDS && text.length <= MAX_LABEL_CHARS);
}

/** The page's cells, `cell` pixels square. */
class Grid {
  readonly cols: number;
  readonly rows: number;

  constructor(
    private readonly width: number,
    private readonly height: number,
    private readonly cell: number,
  ) {
    this.cols = Math.ceil(width / cell);
    this.rows = Math.ceil(height / cell);
  }

  /**
   * 1 for each cell enough of whose pixels are ink, or whose mean is a tint darker than the paper (a
   * photograph's pale sky, a picture's light background).
   */
  inked({ gray }: GrayImage): Uint8Array {
    const counts = new Uint32Array(this.cols * this.rows);
    const sums = new Uint32Array(this.cols * this.rows);
    const histogram = new Uint32Array(256);
    for (let y = 0; y < this.height; y++) {
      const row = Math.floor(y / this.cell) * this.cols;
      const line = y * this.width;
      // A cell's share of the row, summed before it is added to the cell.
      for (let c = 0, x0 = 0; x0 < this.width; c++, x0 += this.cell) {
        let count = 0;
        let sum = 0;
        for (let i = line + x0, end = line + Math.min(this.width, x0 + this.cell); i < end; i++) {
          const v = gray[i];
          if (v < PICTURE_INK) count++;
          sum += v;
          histogram[v]++;
        }
        counts[row + c] += count;
        sums[row + c] += sum;
      }
    }
    // Most of a page is its paper.
    const paper = histogramMedian(histogram) ?? 255;
    const enough = INKED_SHARE * this.cell * this.cell;
    const out = new Uint8Array(counts.length);
    for (let c = 0; c < counts.length; c++) {
      const w = Math.min(this.cell, this.width - (c % this.cols) * this.cell);
      const h = Math.min(this.cell, this.height - Math.floor(c / this.cols) * this.cell);
      out[c] = counts[c] >= enough || sums[c] / (w * h) <= paper - TINT_STEP ? 1 : 0;
    }
    return out;
  }

  /** 1 for each cell the boxes (pixels) touch, `pad` cells around them included. */
  cover(boxes: BBox[], pad: number): Uint8Array {
    const out = new Uint8Array(this.cols * this.rows);
    for (const [x0, y0, x1, y1] of boxes) {
      const c0 = Math.max(0, Math.floor(x0 / this.cell) - pad);
      const c1 = Math.min(this.cols - 1, Math.floor(x1 / this.cell) + pad);
      const r0 = Math.max(0, Math.floor(y0 / this.cell) - pad);
      const r1 = Math.min(this.rows - 1, Math.floor(y1 / this.cell) + pad);
      for (let r = r0; r <= r1; r++) out.fill(1, r * this.cols + c0, r * this.cols + c1 + 1);
    }
    return out;
  }

  /** Whether the cells' pixels are one flat tint. */
  flat({ gray }: GrayImage, cells: number[]): boolean {
    const histogram = new Uint32Array(256);
    let total = 0;
    for (const c of cells) {
      const [x0, y0] = [(c % this.cols) * this.cell, Math.floor(c / this.cols) * this.cell];
      for (let y = y0; y < Math.min(this.height, y0 + this.cell); y++) {
        for (let x = x0; x < Math.min(this.width, x0 + this.cell); x++) {
          histogram[gray[y * this.width + x]]++;
          total++;
        }
      }
    }
    const median = histogramMedian(histogram) ?? 0;
    let near = 0;
    for (let v = Math.max(0, median - FLAT_STEP); v <= Math.min(255, median + FLAT_STEP); v++)
      near += histogram[v];
    return near >= FLAT_SHARE * total;
  }

  /** The cells' bounds: first and last column and row. */
  bounds(cells: number[]): CellBox {
    return cellBounds(cells, this.cols);
  }

  /**
   * The bounds parted at every clear lane of `on`, across them from side to side, at least
   * `GUTTER_PT` wide with `minSide` cells or more on both sides; each part trimmed to its ink.
   */
  apart(on: Uint8Array, bounds: CellBox, minSide: number): CellBox[] {
    const gutter = Math.max(1, Math.round(GUTTER_PT / CELL_PT));
    const [c0, r0, c1, r1] = bounds;
    for (const across of [true, false]) {
      const [from, to] = across ? [c0, c1] : [r0, r1];
      const clear = (i: number) =>
        (across ? this.count(on, i, r0, i, r1) : this.count(on, c0, i, c1, i)) === 0;
      for (let i = from + minSide; i <= to - minSide; i++) {
        if (!clear(i)) continue;
        let j = i;
        while (j + 1 <= to && clear(j + 1)) j++;
        if (j - i + 1 < gutter || j > to - minSide) {
          i = j;
          continue;
        }
        const [first, second]: CellBox[] = across
          ? [
              [c0, r0, i - 1, r1],
              [j + 1, r0, c1, r1],
            ]
          : [
              [c0, r0, c1, i - 1],
              [c0, j + 1, c1, r1],
            ];
        return [first, second].flatMap((part) => this.apart(on, this.trim(on, part), minSide));
      }
    }
    return [bounds];
  }

  /** The bounds shrunk to the cells of `on` inside them. */
  trim(on: Uint8Array, [c0, r0, c1, r1]: CellBox): CellBox {
    const cells: number[] = [];
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) if (on[r * this.cols + c]) cells.push(r * this.cols + c);
    return cells.length ? this.bounds(cells) : [c0, r0, c1, r1];
  }

  /** Whether cell `c` lies within the bounds. */
  inside(c: number, [c0, r0, c1, r1]: CellBox): boolean {
    const [col, row] = [c % this.cols, Math.floor(c / this.cols)];
    return col >= c0 && col <= c1 && row >= r0 && row <= r1;
  }

  /** How many cells within the bounds are set in `on`. */
  count(on: Uint8Array, c0: number, r0: number, c1: number, r1: number): number {
    let n = 0;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) n += on[r * this.cols + c];
    return n;
  }
}
