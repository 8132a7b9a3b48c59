import { TextRun } from '../model.js';
import { SAME_LINE_TABLE, sameBaseline } from '../geometry.js';
import { Rule } from './rules.js';

/** A rule lies on a cell's edge when it is this close to it (points). */
const EDGE_PT = 3;
/** And closes the edge when it covers this share of it: a gap in the rules there is a merged cell. */
const CLOSED_SHARE = 0.5;

/** The lattice of a table ruled in both directions: column edges and, per row, its top and bottom. */
export interface RuledLattice {
  /** Column edges, left to right. */
  cols: number[];
  /** Each row's vertical extent (PDF y, top above bottom): rows between the same rules share it. */
  rows: { top: number; bottom: number; segment: number }[];
}

/**
 * Cells of a ruled table merged where the rule between them is missing: a cell spanning columns has
 * no column rule through it, one spanning rows no row rule across it. The merged cell's text is set in
 * every cell it covers, as the engine writes spanning cells everywhere (the structure tree's, a header
 * over a group of columns), so a row read alone still says what it holds.
 * A column rule missing from more than half of the rows is no merge but an unruled stretch (column
 * rules in the header only), and so is an edge with separate text on both sides; only rectangles
 * merge. A row rule always merges where it is missing: it is there at all only where it closes a cell.
 * A table with a column rule through its text is not a lattice of cells, and nothing in it merges.
 */
export function mergeSpannedCells(cells: TextRun[][][], lattice: RuledLattice, rules: Rule[]): TextRun[][][] {
  const { cols, rows } = lattice;
  const nRows = cells.length;
  const nCols = cols.length - 1;
  if (nRows < 2 || nCols < 2 || rows.length !== nRows) return cells;
  const covered = (parts: Rule[], at: number, from: number, to: number) => {
    const [lo, hi] = from < to ? [from, to] : [to, from];
    let length = 0;
    for (const r of parts) {
      const [a, b] = r.horizontal ? [r.bbox[0], r.bbox[2]] : [r.bbox[1], r.bbox[3]];
      const position = r.horizontal ? (r.bbox[1] + r.bbox[3]) / 2 : (r.bbox[0] + r.bbox[2]) / 2;
      if (Math.abs(position - at) <= EDGE_PT) length += Math.max(0, Math.min(b, hi) - Math.max(a, lo));
    }
    return length >= CLOSED_SHARE * (hi - lo);
  };
  const verticals = rules.filter((r) => !r.horizontal);
  const horizontals = rules.filter((r) => r.horizontal);
  // Column rules drawn through text are no cell edges (a chart's grid, rules read off a picture):
  // its gaps are no merged cells either.
  const runs = new Set(cells.flat(2));
  const through = (run: TextRun) =>
    cols.some(
      (x, i) =>
        i > 0 &&
        i < nCols &&
        x > run.x0 + EDGE_PT &&
        x < run.x1 - EDGE_PT &&
        covered(verticals, x, run.y0 + 0.4 * (run.y1 - run.y0), run.y1 - 0.4 * (run.y1 - run.y0)),
    );
  if ([...runs].some(through)) return cells;

  // openRight[r][c]: no rule between cell (r, c) and (r, c + 1); openBelow[r][c]: none under (r, c).
  const openRight = cells.map((_, r) =>
    Array.from(
      { length: nCols - 1 },
      (_, c) => !covered(verticals, cols[c + 1], rows[r].bottom, rows[r].top) && joinsAcross(cells[r], c),
    ),
  );
  const openBelow = cells
    .slice(0, -1)
    .map((_, r) =>
      Array.from(
        { length: nCols },
        (_, c) =>
          rows[r].segment !== rows[r + 1].segment &&
          !covered(horizontals, rows[r].bottom, cols[c], cols[c + 1]),
      ),
    );
  for (let c = 0; c < nCols - 1; c++) {
    if (openRight.filter((row) => row[c]).length > nRows / 2) openRight.forEach((row) => (row[c] = false));
  }

  const parent = Array.from({ length: nRows * nCols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      if (c < nCols - 1 && openRight[r][c]) join(r * nCols + c, r * nCols + c + 1);
      if (r < nRows - 1 && openBelow[r][c]) join(r * nCols + c, (r + 1) * nCols + c);
    }
  }
  const regions = new Map<number, number[]>();
  for (let i = 0; i < nRows * nCols; i++) regions.set(find(i), [...(regions.get(find(i)) ?? []), i]);

  const merged = cells.map((row) => row.map((cell) => [...cell]));
  for (const members of regions.values()) {
    if (members.length < 2) continue;
    const rs = members.map((i) => Math.floor(i / nCols));
    const cs = members.map((i) => i % nCols);
    const height = Math.max(...rs) - Math.min(...rs) + 1;
    const width = Math.max(...cs) - Math.min(...cs) + 1;
    if (height * width !== members.length) continue;
    const runs = [...new Set(members.flatMap((i) => cells[Math.floor(i / nCols)][i % nCols]))];
    for (const i of members) merged[Math.floor(i / nCols)][i % nCols] = runs;
  }
  return merged;
}

/**
 * Whether the text of cell `c` and of the cell to its right can be one cell's: one side empty, a run
 * shared by both (text crossing the edge), or text continuing on the same line within a word space.
 */
function joinsAcross(row: TextRun[][], c: number): boolean {
  const [left, right] = [row[c], row[c + 1]];
  if (!left.length || !right.length || left.some((r) => right.includes(r))) return true;
  return left.some((a) =>
    right.some((b) => sameBaseline(a, b, SAME_LINE_TABLE * a.size) && b.x0 - a.x1 < 0.5 * a.size),
  );
}
