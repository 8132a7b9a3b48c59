import { CONTAIN_MARGIN_PT, boxContains, boxWidth, centreInside } from '../geometry.js';
import { PagePath, TextRun } from '../model.js';
import { BBox } from '../types.js';
import { histogramRank } from './histogram.js';
import { GrayImage } from './render.js';

/** Tints are compared on a grid of cells this many points wide. */
const CELL_PT = 2;
/** A cell is flat when this share of its pixels lies within `FLAT_STEP` of their median. */
const FLAT_SHARE = 0.5;
const FLAT_STEP = 24;
/** Two flat cells this many grey levels apart are two tints. */
const TINT_STEP = 24;
/** An edge runs this long (points) at least, as a table row does: a tinted word or a dot does not. */
const MIN_EDGE_PT = 48;
/** Cells of text crossing an edge (points) that it runs on through. */
const MAX_BREAK_PT = 6;

/**
 * The edges between two flat tints running across the page, as horizontal rules: a table drawn only
 * as shaded rows (striped rows, a dark header band, a slide's coloured cells) has no rule between its
 * rows, but its rows end where their tints change. The ruled-table stage reads these edges as it reads
 * the edges of shaded cells on born-digital pages (`shadingEdges`). Glyphs, photographs and gradients
 * are not flat and give none.
 */
export function tintEdges(image: GrayImage, scale: number, pageHeight: number): PagePath[] {
  const cell = Math.max(2, Math.round(CELL_PT * scale));
  const cols = Math.floor(image.width / cell);
  const rows = Math.floor(image.height / cell);
  const level = cellLevels(image, cell, cols, rows);
  const minRun = Math.round(MIN_EDGE_PT / CELL_PT);
  const maxBreak = Math.round(MAX_BREAK_PT / CELL_PT);
  const edges: PagePath[] = [];
  const differs = (a: number, b: number) => a >= 0 && b >= 0 && Math.abs(a - b) > TINT_STEP;
  for (let r = 1; r < rows - 1; r++) {
    let start = -1;
    let last = -1;
    const close = () => {
      if (start >= 0 && last - start + 1 >= minRun) {
        const y = pageHeight - (r * cell) / scale;
        edges.push({
          bbox: [(start * cell) / scale, y - 0.25, ((last + 1) * cell) / scale, y + 0.25],
          stroked: false,
          filled: true,
          straight: true,
        });
      }
      start = -1;
    };
    for (let c = 0; c < cols; c++) {
      // The edge lies between this row of cells and the one above, or inside this one (then it is
      // mixed, and its neighbours above and below differ).
      const above = level[(r - 1) * cols + c];
      const edge =
        differs(above, level[r * cols + c]) ||
        (level[r * cols + c] < 0 && differs(above, level[(r + 1) * cols + c]));
      if (edge) {
        if (start < 0) start = c;
        last = c;
      } else if (start >= 0 && c - last > maxBreak) {
        close();
      }
    }
    close();
  }
  return edges;
}

/**
 * Each cell's median grey when the cell is flat, else -1. Counted in a histogram of the cell's
 * levels (a cell is a few dozen pixels, mostly of one or two levels), read between its darkest and
 * lightest pixel only.
 */
function cellLevels({ gray, width }: GrayImage, cell: number, cols: number, rows: number): Int16Array {
  const out = new Int16Array(cols * rows);
  const counts = new Uint16Array(256);
  const n = cell * cell;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let min = 255;
      let max = 0;
      for (let y = r * cell; y < (r + 1) * cell; y++) {
        const line = y * width;
        for (let x = c * cell; x < (c + 1) * cell; x++) {
          const v = gray[line + x];
          counts[v]++;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      const median = histogramRank(counts, n >> 1, min);
      let near = 0;
      for (let v = Math.max(min, median - FLAT_STEP); v <= Math.min(max, median + FLAT_STEP); v++)
        near += counts[v];
      counts.fill(0, min, max + 1);
      out[r * cols + c] = near >= FLAT_SHARE * n ? median : -1;
    }
  }
  return out;
}

/** Rows of a table of shaded rows: this many edges at least, over one span, each this close (points) to the next. */
const MIN_STACK = 3;
const MAX_ROW_PT = 60;
/** Edges over one span overlap by this share of the wider: a table's rows are as wide as one another. */
const SAME_SPAN = 0.8;

/**
 * The edges stacked as rows are: three or more over one span, a row's height apart. The two edges of
 * a single band (a tinted heading, a page's header strip) part no rows of a table.
 */
function rowStacks(edges: PagePath[]): PagePath[] {
  const sameSpan = (a: PagePath, b: PagePath) =>
    Math.min(a.bbox[2], b.bbox[2]) - Math.max(a.bbox[0], b.bbox[0]) >=
    SAME_SPAN * Math.max(boxWidth(a.bbox), boxWidth(b.bbox));
  const byY = [...edges].sort((a, b) => b.bbox[1] - a.bbox[1]);
  return byY.filter((edge) => {
    const span = byY.filter((o) => sameSpan(edge, o));
    // The run of edges a row's height apart that holds this one.
    let i = span.indexOf(edge);
    let j = i;
    while (i > 0 && span[i - 1].bbox[1] - span[i].bbox[1] <= MAX_ROW_PT) i--;
    while (j < span.length - 1 && span[j].bbox[1] - span[j + 1].bbox[1] <= MAX_ROW_PT) j++;
    return j - i + 1 >= MIN_STACK;
  });
}

/** An edge crossing this share of a picture's width parts it side to side, as a row of a table does. */
const ACROSS_SHARE = 0.9;

/**
 * A scan's tint edges and pictures settled against each other. An area found as a picture that two
 * edges or more cross side to side, with words on it, is a table of shaded rows and no picture; the
 * edges within a picture left are its own shapes, edges within words are the strokes of heavy
 * letters, and edges not stacked as rows are single bands: none of these parts a table's rows.
 */
export function settleTints(
  edges: PagePath[],
  pictures: BBox[],
  runs: TextRun[],
): { edges: PagePath[]; pictures: BBox[] } {
  const within = (outer: BBox, inner: BBox) => boxContains(outer, inner, CONTAIN_MARGIN_PT);
  const inWords = (e: PagePath) => runs.some((r) => within([r.x0, r.y0, r.x1, r.y1], e.bbox));
  const kept = rowStacks(edges.filter((e) => !inWords(e)));
  const banded = (p: BBox) =>
    kept.filter((e) => within(p, e.bbox) && boxWidth(e.bbox) >= ACROSS_SHARE * boxWidth(p)).length >= 2 &&
    runs.some((r) => centreInside(r, p));
  const shown = pictures.filter((p) => !banded(p));
  return { pictures: shown, edges: kept.filter((e) => !shown.some((p) => within(p, e.bbox))) };
}
