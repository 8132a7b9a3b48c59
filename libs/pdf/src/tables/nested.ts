import { BBox } from '../types.js';
import { boxContains } from '../geometry.js';
import { closedFrames } from './frames.js';
import { Rule } from './rules.js';

/** Rules within this distance (points) meet: a frame's corners, a rule ending on another. */
const MEET_PT = 2;
/** A rule this long against the table's side (share) runs through it: an outer column or row rule. */
const THROUGH_SHARE = 0.9;

/**
 * A ruled table's rules without those of tables nested in its cells. A nested table is a frame set
 * inside one cell of the outer table (whose cells are bounded by the rules running through it all),
 * clear of the cell's side rules: the cell's padding lies between them. Its rules would otherwise
 * split the outer table into columns and rows of their own; its text stays the outer cell's, as
 * Markdown has no table within a table.
 */
export function withoutNestedTables(rules: Rule[], table: BBox): Rule[] {
  const [tx0, ty0, tx1, ty1] = table;
  const verticals = rules.filter((r) => !r.horizontal);
  const horizontals = rules.filter((r) => r.horizontal);
  const columnEdges = edges(
    verticals.filter((r) => r.bbox[3] - r.bbox[1] >= THROUGH_SHARE * (ty1 - ty0)),
    0,
    tx0,
    tx1,
  );
  const rowEdges = edges(
    horizontals.filter((r) => r.bbox[2] - r.bbox[0] >= THROUGH_SHARE * (tx1 - tx0)),
    1,
    ty0,
    ty1,
  );
  // Only a lattice of whole columns has cells to nest in: a frame holding boxes (cells spaced apart)
  // has no inner rule running through it.
  if (columnEdges.length < 3) return rules;
  const frames = closedFrames(rules, MEET_PT).filter((f) => insideOneCell(f, columnEdges, rowEdges));
  if (!frames.length) return rules;
  return rules.filter((r) => !frames.some((f) => boxContains(f, r.bbox, MEET_PT)));
}

function edges(rules: Rule[], axis: 0 | 1, from: number, to: number): number[] {
  const at = rules.map((r) => (r.bbox[axis] + r.bbox[axis + 2]) / 2);
  return [...new Set([from, ...at, to])].sort((a, b) => a - b);
}

/** Whether a frame lies in one column, clear of both its side rules, and within one row. */
function insideOneCell(frame: BBox, columnEdges: number[], rowEdges: number[]): boolean {
  const [x0, y0, x1, y1] = frame;
  const column = columnEdges.findIndex(
    (x, i) => i < columnEdges.length - 1 && x0 > x + MEET_PT && x1 < columnEdges[i + 1] - MEET_PT,
  );
  if (column < 0) return false;
  return rowEdges.some(
    (y, i) => i < rowEdges.length - 1 && y0 >= y - MEET_PT && y1 <= rowEdges[i + 1] + MEET_PT,
  );
}
