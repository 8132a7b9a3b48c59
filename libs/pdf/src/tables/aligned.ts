import { BBox } from '../types.js';
import { SAME_LINE_TABLE, baselineBands, unionBox } from '../geometry.js';
import { Line } from '../layout/lines.js';
import { listMarker } from '../layout/markers.js';
import { TableGrid } from './grid.js';

/** Cells of a whitespace table are short; longer pieces are text columns. */
const MAX_CELL_CHARS = 50;
const MIN_ROWS = 3;

/**
 * Tables without rules: three or more consecutive rows, each split into several short pieces by wide
 * gaps that line up from row to row. Returns the tables and the lines they consumed.
 */
export function findAlignedTables(
  lines: Line[],
  pageWidth: number,
): { tables: TableGrid[]; used: Set<Line> } {
  const tables: TableGrid[] = [];
  const used = new Set<Line>();
  for (const lane of lanes(lines)) findInLane(lane, pageWidth, tables, used);
  return { tables, used };
}

/**
 * Splits the page at vertical gutters with running text on both sides (side-by-side pages or text
 * columns), so that one column's lines are never taken for cells of a table in the other.
 */
function lanes(lines: Line[]): Line[][] {
  const sorted = [...lines].sort((a, b) => a.bbox[0] - b.bbox[0]);
  const groups: Line[][] = [];
  let end = -Infinity;
  for (const line of sorted) {
    if (!groups.length || line.bbox[0] - end >= 6) groups.push([]);
    groups[groups.length - 1].push(line);
    end = Math.max(end, line.bbox[2]);
  }
  const prose = (group: Line[]) => group.filter((l) => l.text.length > MAX_CELL_CHARS).length >= 2;
  const out: Line[][] = [];
  for (const group of groups) {
    const last = out[out.length - 1];
    if (last && !(prose(last) && prose(group))) last.push(...group);
    else out.push([...group]);
  }
  return out;
}

/** A contents entry: a title, a dot leader and a page number (arabic or roman, in either case as OCR reads it). */
const LEADER = /^(.*\S)\s*((?:\.\s*){3,})\s*([0-9]{1,4}|[ivxlcdmIVXLCDM]{1,7})$/;
const PAGE_NUMBER = /^(?:[0-9]{1,4}|[ivxlcdmIVXLCDM]{1,7})$/;

/**
 * The cells of a contents entry: the title with its leader, and the page number. Within a run of
 * entries, a title and a number set apart where the entry above ends its number is one too, its
 * leader lost (a scan's dots read as nothing).
 */
function entryCells(row: Line[], above: Line[] | undefined): [string, string] | null {
  const m = LEADER.exec(rowText(row));
  if (m) return [`${m[1]} ${m[2].trim()}`, m[3]];
  const last = row[row.length - 1];
  if (!above || row.length < 2 || !PAGE_NUMBER.test(last.text.trim())) return null;
  const end = above[above.length - 1].bbox[2];
  if (Math.abs(last.bbox[2] - end) > last.size) return null;
  return [rowText(row.slice(0, -1)), last.text.trim()];
}

function rowText(row: Line[]): string {
  return row.map((l) => l.text).join(' ');
}

/** Three or more consecutive contents entries become a two-column table: entry and page. */
function findLeaderTables(rows: Line[][], tables: TableGrid[], used: Set<Line>): Line[][] {
  const rest: Line[][] = [];
  for (let start = 0; start < rows.length;) {
    const cells: [string, string][] = [];
    let end = start;
    while (end < rows.length && (end === start || closeBelow(rows[end - 1], rows[end]))) {
      const entry = entryCells(rows[end], end === start ? undefined : rows[end - 1]);
      if (!entry) break;
      cells.push(entry);
      end++;
    }
    // A run ends on entries that have their leaders: one ending on a lost leader ends before it.
    while (end - 1 > start && !LEADER.test(rowText(rows[end - 1]))) {
      end--;
      cells.pop();
    }
    if (end - start >= MIN_ROWS) {
      const entries = rows.slice(start, end);
      tables.push({
        bbox: entries
          .flat()
          .map((l) => l.bbox)
          .reduce(unionBox),
        rows: cells,
      });
      entries.forEach((row) => row.forEach((l) => used.add(l)));
      start = end;
    } else {
      rest.push(rows[start]);
      start++;
    }
  }
  return rest;
}

function findInLane(lines: Line[], pageWidth: number, tables: TableGrid[], used: Set<Line>): void {
  const rows = joinWrappedCells(findLeaderTables(toRows(lines), tables, used), pageWidth);
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (
      end < rows.length &&
      isCandidate(rows[end], pageWidth) &&
      (end === start || closeBelow(rows[end - 1], rows[end]))
    ) {
      end++;
    }
    // Source code aligns its tokens in columns too.
    const code = rows.slice(start, end).every((row) => row.every((l) => l.mono));
    if (end - start >= MIN_ROWS && !code) {
      // A row that breaks the grid (a line running over two columns) ends the table above it, when
      // that table is most of the rows; rows that rarely line up (an index, a list in columns) are none.
      let last = end;
      let grid = toGrid(rows.slice(start, last));
      const least = Math.max(MIN_ROWS, (end - start) / 2);
      while (!grid && last - start > least) grid = toGrid(rows.slice(start, --last));
      if (grid) {
        tables.push(grid);
        for (const row of rows.slice(start, last)) row.forEach((l) => used.add(l));
        end = last;
      }
    }
    start = Math.max(end, start + 1);
  }
}

/**
 * A lone short line set tight under a row of cells, inside one of its cells' columns, is that cell's
 * second line (a wrapped header or first-column cell): it joins the row instead of breaking the table.
 */
function joinWrappedCells(rows: Line[][], pageWidth: number): Line[][] {
  const out: Line[][] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    const line = row[0];
    const wrapped =
      prev &&
      row.length === 1 &&
      prev.length >= 2 &&
      isCandidate(prev, pageWidth) &&
      line.text.length <= MAX_CELL_CHARS &&
      prev[0].base - line.base < 1.5 * line.size &&
      prev.some((cell, i) => line.bbox[0] >= cell.bbox[0] - 2 && line.bbox[2] <= cellEnd(prev, i));
    if (wrapped) out[out.length - 1] = [...prev, line];
    else out.push(row);
  }
  return out;
}

/** Where the room of a row's `i`-th cell ends: before the next cell (a wrapped line may be wider). */
function cellEnd(row: Line[], i: number): number {
  const next = row[i + 1];
  return next ? Math.max(row[i].bbox[2] + 2, next.bbox[0] - 2) : row[i].bbox[2] + 2;
}

function toRows(lines: Line[]): Line[][] {
  return baselineBands(lines, SAME_LINE_TABLE).map((r) => r.sort((a, b) => a.bbox[0] - b.bbox[0]));
}

function isCandidate(row: Line[], pageWidth: number): boolean {
  // Lines of side-by-side text columns are long and wide; cells are short and narrow.
  const narrow = row.filter((l) => l.bbox[2] - l.bbox[0] < 0.25 * pageWidth).length;
  return row.length >= 2 && row.every((l) => l.text.length <= MAX_CELL_CHARS) && narrow >= row.length - 1;
}

function closeBelow(above: Line[], below: Line[]): boolean {
  // From the row's last line: a wrapped cell makes a row two lines tall.
  const bottom = Math.min(...above.map((l) => l.base));
  return bottom - below[0].base < 3 * above[0].size;
}

/** Columns are clusters of horizontally overlapping cells; every column must recur on most rows. */
function toGrid(rows: Line[][]): TableGrid | null {
  const columns: { x0: number; x1: number; rows: Set<number> }[] = [];
  rows.forEach((row, r) => {
    for (const cell of row) {
      const hit = columns.find((c) => Math.min(c.x1, cell.bbox[2]) - Math.max(c.x0, cell.bbox[0]) > -2);
      if (hit) {
        hit.x0 = Math.min(hit.x0, cell.bbox[0]);
        hit.x1 = Math.max(hit.x1, cell.bbox[2]);
        hit.rows.add(r);
      } else columns.push({ x0: cell.bbox[0], x1: cell.bbox[2], rows: new Set([r]) });
    }
  });
  columns.sort((a, b) => a.x0 - b.x0);
  // Neighbouring clusters never used by the same row are one column aligned differently (a left-aligned
  // header over right-aligned numbers).
  for (let i = 1; i < columns.length; i++) {
    const [a, b] = [columns[i - 1], columns[i]];
    if ([...b.rows].some((r) => a.rows.has(r))) continue;
    a.x1 = Math.max(a.x1, b.x1);
    b.rows.forEach((r) => a.rows.add(r));
    columns.splice(i--, 1);
  }
  for (let i = 1; i < columns.length; i++) {
    if (columns[i].x0 < columns[i - 1].x1) return null; // overlapping columns: not a grid
  }
  if (columns.length < 2 || columns.some((c) => c.rows.size < rows.length / 2)) return null;
  const grid = rows.map((row) =>
    columns.map((c) =>
      row
        .filter((l) => Math.min(c.x1, l.bbox[2]) - Math.max(c.x0, l.bbox[0]) > -2)
        .map((l) => l.text)
        .join(' '),
    ),
  );
  // Lists set side by side (slides, flyers) line up too; their cells start with bullets or numbers.
  const cells = grid.flat().filter((c) => c);
  if (cells.filter((c) => listMarker(c)).length >= cells.length / 2) return null;
  const bbox: BBox = rows
    .flat()
    .map((l) => l.bbox)
    .reduce(unionBox);
  return { bbox, rows: grid };
}
