import { CellGrid, cellBounds, close, components, morph, neighbours } from './cell-grid.js';
import { DARK_GRAY, GrayImage } from './render.js';

/** The fills are found on a grid of cells this many points wide (8 pixels at 300 dpi). */
const CELL_PT = 2;
/**
 * A dark fill holds a square this wide (points) somewhere: narrower dark marks are rules and glyph
 * strokes, up to those of heavy display type near 60 pt.
 */
const MIN_FILL_PT = 12;
/** And it is at least this wide (points), as a row of words is: a heavy letter is narrower. */
const MIN_FILL_WIDTH_PT = 48;
/**
 * Light marks inside a fill up to this tall (points) are its words, not a gap between fills: a word
 * of light letters is a hole in the dark cells as tall as its capitals.
 */
const MAX_WORD_HEIGHT_PT = 14;
/** A pixel this much lighter than its fill's background is light text on it. */
const LIGHT_STEP = 64;
/** And this much darker, dark text on it. */
const DARK_STEP = 24;
/** A fill's background is flat: this share of its pixels at most `FLAT_STEP` from its median. */
const MIN_FLAT_SHARE = 0.6;
const FLAT_STEP = 24;
/** And it carries marks: at least this share of its pixels is text. */
const MIN_MARK_SHARE = 0.01;

/**
 * The page with its dark fills (slides, table header rows, banners) made white and the text on them
 * black, whether it was printed light or dark: Tesseract binarises a page with one threshold, so the
 * words on a dark fill become part of a solid block it reads nothing in. A fill is a dark area too
 * wide and tall to be glyph strokes. Null when the page has none, so ordinary pages go to Tesseract
 * as rendered.
 */
export function clearDarkFills(image: GrayImage, scale: number): Uint8Array | null {
  const cell = Math.max(2, Math.round(CELL_PT * scale));
  const grid = darkCells(image, cell);
  const fills = close(
    wideAreas(grid, cellsFor(MIN_FILL_PT, scale, cell)),
    cellsFor(MAX_WORD_HEIGHT_PT, scale, cell),
  );
  let out: Uint8Array | null = null;
  const minWidth = cellsFor(MIN_FILL_WIDTH_PT, scale, cell);
  for (const cells of components(fills)) {
    if (spanOf(cells, fills.cols) < minWidth) continue;
    const fill = describe(image, cell, fills, cells);
    if (!fill) continue;
    out ??= image.gray.slice();
    clear(out, image, cell, fills, fill);
  }
  return out;
}

function cellsFor(points: number, scale: number, cell: number): number {
  return Math.max(1, Math.round((points * scale) / cell));
}

/** Cells most of whose pixels are dark. */
function darkCells({ gray, width, height }: GrayImage, cell: number): CellGrid {
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const dark = new Uint32Array(cols * rows);
  for (let y = 0; y < height; y++) {
    const rowBase = Math.floor(y / cell) * cols;
    const line = y * width;
    // A cell's share of the row, counted before it is added to the cell.
    for (let c = 0, x0 = 0; x0 < width; c++, x0 += cell) {
      let count = 0;
      for (let i = line + x0, end = line + Math.min(width, x0 + cell); i < end; i++)
        if (gray[i] < DARK_GRAY) count++;
      dark[rowBase + c] += count;
    }
  }
  const on = new Uint8Array(cols * rows);
  for (let c = 0; c < on.length; c++) {
    const w = Math.min(cell, width - (c % cols) * cell);
    const h = Math.min(cell, height - Math.floor(c / cols) * cell);
    on[c] = dark[c] * 2 > w * h ? 1 : 0;
  }
  return { cols, rows, on };
}

/**
 * The connected dark areas that hold a square of `size` cells somewhere, whole: the dark marks
 * between the letters on a fill stay part of it, while glyph strokes, however bold, go.
 */
function wideAreas(grid: CellGrid, size: number): CellGrid {
  const core = morph(grid, size, 'all').on;
  const on = new Uint8Array(grid.on.length);
  for (const cells of components(grid)) {
    if (!cells.some((c) => core[c])) continue;
    for (const c of cells) on[c] = 1;
  }
  return { ...grid, on };
}

/** How many columns of cells the area spans. */
function spanOf(cells: number[], cols: number): number {
  const [c0, , c1] = cellBounds(cells, cols);
  return c1 - c0 + 1;
}

/** Calls `each` with every pixel index of the cell. */
function forPixels(
  { width, height }: GrayImage,
  cell: number,
  cols: number,
  c: number,
  each: (i: number) => void,
): void {
  const cx = (c % cols) * cell;
  const cy = Math.floor(c / cols) * cell;
  for (let y = cy; y < Math.min(height, cy + cell); y++) {
    for (let x = cx; x < Math.min(width, cx + cell); x++) each(y * width + x);
  }
}

interface Fill {
  cells: number[];
  /** Its background: the median of its pixels. */
  background: number;
  /** Whether its text is lighter than its background. */
  lightText: boolean;
}

/** Whether a cell of the fill is on its edge, holding some of the page around it too. */
function onEdge({ cols, rows, on }: CellGrid, c: number): boolean {
  const around = neighbours(c, cols, rows);
  return around.length < 4 || around.some((n) => !on[n]);
}

/**
 * The fill's background and the side its text is on, told by the marks inside it (its edge cells
 * also hold the page around it); null for a dark area that is not a fill of text: too light, not flat
 * (a photograph's shadows), or with nothing on it.
 */
function describe(image: GrayImage, cell: number, grid: CellGrid, cells: number[]): Fill | null {
  const histogram = new Uint32Array(256);
  let total = 0;
  for (const c of cells) {
    if (onEdge(grid, c)) continue;
    forPixels(image, cell, grid.cols, c, (i) => {
      histogram[image.gray[i]]++;
      total++;
    });
  }
  if (!total) return null;
  let background = 0;
  for (let seen = histogram[0]; seen * 2 < total;) seen += histogram[++background];
  let lighter = 0;
  let darker = 0;
  for (let v = 0; v < 256; v++) {
    if (v >= background + LIGHT_STEP) lighter += histogram[v];
    else if (v <= background - DARK_STEP) darker += histogram[v];
  }
  let flat = 0;
  for (let v = Math.max(0, background - FLAT_STEP); v <= Math.min(255, background + FLAT_STEP); v++) {
    flat += histogram[v];
  }
  // A photograph's dark parts are not flat; a fill with no marks on it needs nothing.
  if (background >= DARK_GRAY || flat < MIN_FLAT_SHARE * total || lighter + darker < MIN_MARK_SHARE * total) {
    return null;
  }
  return { cells, background: Math.max(1, background), lightText: lighter > darker };
}

/**
 * Stretches the fill's pixels so that its background becomes white and its text black. In an edge
 * cell only the fill's own dark pixels change, so the light page around it stays light rather than
 * becoming a dark frame; in the cells just outside it, only pixels of its background's shade (the
 * sliver of it a cell too light to count held).
 */
function clear(out: Uint8Array, image: GrayImage, cell: number, grid: CellGrid, fill: Fill): void {
  const { background: bg, lightText } = fill;
  const toWhite = lightText
    ? (v: number) => (v <= bg ? 255 : Math.max(0, 255 - Math.round(((v - bg) * 255) / (255 - bg))))
    : (v: number) => (v >= bg ? 255 : Math.round((v * 255) / bg));
  const { cols, rows, on } = grid;
  const outside = new Set<number>();
  for (const c of fill.cells) {
    const edge = onEdge(grid, c);
    forPixels(image, cell, cols, c, (i) => {
      const v = image.gray[i];
      if (!edge || v < DARK_GRAY) out[i] = toWhite(v);
    });
    if (!edge) continue;
    for (const n of neighbours(c, cols, rows)) if (!on[n]) outside.add(n);
  }
  for (const c of outside) {
    forPixels(image, cell, cols, c, (i) => {
      if (Math.abs(image.gray[i] - bg) <= FLAT_STEP) out[i] = 255;
    });
  }
}
