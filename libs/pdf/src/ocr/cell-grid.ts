/**
 * A page image cut into square cells, each on or off: the coarse map the OCR stages find areas on
 * (dark fills, pictures), millions of pixels reduced to thousands of cells.
 */
export interface CellGrid {
  cols: number;
  rows: number;
  /** 1 where the cell is on (dark, inked), row by row. */
  on: Uint8Array;
}

/** Erosion (`keep` = every cell of the window on) or dilation (any), by a square window of `size` cells. */
export function morph(grid: CellGrid, size: number, keep: 'all' | 'any'): CellGrid {
  const { cols, rows } = grid;
  const before = Math.floor((size - 1) / 2);
  const all = keep === 'all';
  const pass = (src: Uint8Array, horizontal: boolean): Uint8Array => {
    const dst = new Uint8Array(src.length);
    // A line is a row (cells one apart) or a column (cells a row apart).
    const [lines, length, step, lineStep] = horizontal ? [rows, cols, 1, cols] : [cols, rows, cols, 1];
    const prefix = new Uint32Array(length + 1);
    for (let line = 0; line < lines; line++) {
      const base = line * lineStep;
      for (let i = 0; i < length; i++) prefix[i + 1] = prefix[i] + src[base + i * step];
      for (let i = 0; i < length; i++) {
        // The window [i - before, i - before + size), cut at the page's edges.
        const from = Math.max(0, i - before);
        const to = Math.min(length, i - before + size);
        const count = prefix[to] - prefix[from];
        dst[base + i * step] = (all ? count === to - from : count > 0) ? 1 : 0;
      }
    }
    return dst;
  };
  return { ...grid, on: pass(pass(grid.on, true), false) };
}

/** Fills light gaps narrower than `size` cells. */
export function close(grid: CellGrid, size: number): CellGrid {
  return morph(morph(grid, size, 'any'), size, 'all');
}

/** The connected areas of cells that are on (4-neighbours), each as its cells' indexes. */
export function components(grid: CellGrid): number[][] {
  const { cols, rows, on } = grid;
  const seen = new Uint8Array(on.length);
  const out: number[][] = [];
  for (let start = 0; start < on.length; start++) {
    if (!on[start] || seen[start]) continue;
    const cells: number[] = [];
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const c = stack.pop()!;
      cells.push(c);
      for (const n of neighbours(c, cols, rows)) {
        if (on[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    out.push(cells);
  }
  return out;
}

/** First and last column and row of an area of cells. */
export type CellBox = [number, number, number, number];

/** The bounds of an area of cells (indexes in a grid `cols` wide): its first and last column and row. */
export function cellBounds(cells: readonly number[], cols: number): CellBox {
  let [c0, r0, c1, r1] = [Infinity, Infinity, -1, -1];
  for (const c of cells) {
    const [col, row] = [c % cols, Math.floor(c / cols)];
    [c0, r0, c1, r1] = [Math.min(c0, col), Math.min(r0, row), Math.max(c1, col), Math.max(r1, row)];
  }
  return [c0, r0, c1, r1];
}

/** The cell's neighbours above, below and to either side, within the grid. */
export function neighbours(c: number, cols: number, rows: number): number[] {
  const out: number[] = [];
  const x = c % cols;
  if (x > 0) out.push(c - 1);
  if (x < cols - 1) out.push(c + 1);
  if (c >= cols) out.push(c - cols);
  if (c < (rows - 1) * cols) out.push(c + cols);
  return out;
}
