import { BBox } from '../types.js';
import { TableGrid, TextRun } from '../model.js';
import {
  COLLINEAR_PT,
  SAME_LINE_TABLE,
  aligned,
  baselineBands,
  sameBaseline,
  unionBox,
} from '../geometry.js';
import { listMarker } from '../layout/markers.js';
import { normalizeText } from '../layout/text-normalize.js';
import { Rule } from './rules.js';
import { withoutNestedTables } from './nested.js';
import { RuledLattice, mergeSpannedCells } from './spans.js';

export type { TableGrid };

/** Merges nearby positions (points) into one boundary. */
function dedupe(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1] > tolerance) out.push(v);
  return out;
}

/** Column boundaries from empty vertical strips shared by every multi-cell row. */
function gapColumns(bands: TextRun[][], bbox: BBox): number[] {
  const split = (band: TextRun[]) => {
    const byX = [...band].sort((a, b) => a.x0 - b.x0);
    const spans: [number, number][] = [];
    for (const r of byX) {
      const last = spans[spans.length - 1];
      if (last && r.x0 - last[1] < 0.6 * r.size) last[1] = Math.max(last[1], r.x1);
      else spans.push([r.x0, r.x1]);
    }
    return spans;
  };
  const rows = bands.map(split);
  const multi = rows.filter((s) => s.length > 1);
  // Rows with one span are titles or cells spanning the table: they must not close the gutters. Nor
  // must header cells spanning several columns: the rows with the median count of pieces or more set them.
  const counts = multi.map((s) => s.length).sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)];
  const used = multi.length >= 2 ? multi.filter((s) => s.length >= median) : rows;
  const spans = used.flat().sort((a, b) => a[0] - b[0]);
  const bounds: number[] = [bbox[0]];
  let end = -Infinity;
  for (const [x0, x1] of spans) {
    if (end > -Infinity && x0 > end) bounds.push((end + x0) / 2);
    end = Math.max(end, x1);
  }
  bounds.push(bbox[2]);
  return bounds;
}

/**
 * Joins rule segments that continue one another on the same line: tables drawn cell by cell (or as
 * shaded cells) have no single rule running the full width.
 */
export function joinCollinear(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const horizontal of [true, false]) {
    const [lo, hi, at] = horizontal ? [0, 2, 1] : [1, 3, 0];
    const sorted = rules
      .filter((r) => r.horizontal === horizontal)
      .sort((a, b) => a.bbox[at] - b.bbox[at] || a.bbox[lo] - b.bbox[lo]);
    const merged: Rule[] = [];
    for (const r of sorted) {
      const hit = merged.find(
        (m) =>
          aligned(m.bbox[at], r.bbox[at], COLLINEAR_PT) &&
          r.bbox[lo] <= m.bbox[hi] + 2 &&
          r.bbox[hi] >= m.bbox[lo] - 2,
      );
      if (hit) hit.bbox = unionBox(hit.bbox, r.bbox);
      else merged.push({ horizontal, bbox: [...r.bbox] as BBox });
    }
    out.push(...merged);
  }
  return out;
}

/**
 * Rebuilds the grid of a ruled region: columns from vertical rules (or, lacking them, from gutters in
 * the text), rows from full-width horizontal rules when they separate most lines, else one row per
 * text line. A run crossing column boundaries fills every column it covers, as a spanning cell does.
 * Text set at a quarter turn (`turned`, such as upward column headers) is placed only in ruled rows:
 * it has no line of its own to make a row of.
 */
export function buildGrid(
  bbox: BBox,
  drawn: Rule[],
  runs: TextRun[],
  turned: TextRun[] = [],
): TableGrid | null {
  if (!runs.length) return null;
  const rules = withoutNestedTables(joinCollinear(drawn), bbox);
  const height = bbox[3] - bbox[1];
  const width = bbox[2] - bbox[0];
  // Text lines inside the region: runs sharing a baseline band, top first.
  const bands = baselineBands(runs, SAME_LINE_TABLE);
  if (bands.length < 2) return null;

  // Column rules run through at least a row or two; short ticks (a chart's axis) are not columns.
  const vertical = rules.filter(
    (r) => !r.horizontal && r.bbox[3] - r.bbox[1] < height + 1 && r.bbox[3] - r.bbox[1] >= 0.25 * height,
  );
  const gridRuled = vertical.length > 0;
  let cols = dedupe(
    vertical.map((r) => (r.bbox[0] + r.bbox[2]) / 2),
    3,
  ).filter((x) => x > bbox[0] + 3 && x < bbox[2] - 3);
  // Columns parted by rules (not only framed, with gaps for columns) have cells that rules bound.
  const columnRules = cols.length > 0;
  cols = columnRules ? [bbox[0], ...cols, bbox[2]] : gapColumns(bands, bbox);
  if (cols.length < 3) return null;

  // Rules across most of the table part its rows; in a table ruled both ways, so does a rule along
  // the edge of a single cell (merged cells beside it leave the rest of its line unruled).
  const acrossCell = (r: Rule) =>
    columnRules && cols.some((x, i) => i > 0 && r.bbox[0] <= cols[i - 1] + 3 && r.bbox[2] >= x - 3);
  const rowRules = rules.filter(
    (r) => r.horizontal && (r.bbox[2] - r.bbox[0] > 0.5 * width || acrossCell(r)),
  );
  const ys = dedupe(
    rowRules.map((r) => (r.bbox[1] + r.bbox[3]) / 2),
    3,
  ).sort((a, b) => b - a);
  let rowOf: (run: TextRun) => number;
  let rowCount: number;
  let lattice: RuledLattice | null = null;
  // With vertical rules every horizontal rule closes a row (cells may hold several lines); booktabs
  // tables have a few rules only, so their rows are the text lines.
  // A frame around a whole form holds dozens of lines per "row": that is layout, not cells.
  const ruledRows = gridRuled && bands.length / (ys.length - 1) <= 8;
  const rowsByRules = ys.length >= 3 && (ruledRows || ys.length - 1 >= bands.length / 2.5);
  // A box around text whose columns and rows would both come from whitespace says nothing of cells
  // (a sidebar, a page's border): the whitespace stage judges its text, as it does unframed text.
  if (gridRuled && !columnRules && !rowsByRules) return null;
  if (rowsByRules) {
    // The outermost rules are the table's top and bottom only when they lie on its edges: a header
    // drawn as a shaded band (no rule along its top) leaves the first rule between two rows.
    const inner = ys.filter((y) => y < bbox[3] - 3 && y > bbox[1] + 3);
    const bounds = [Math.max(bbox[3], ys[0]) + 1, ...inner, Math.min(bbox[1], ys[ys.length - 1]) - 1];
    const segmentOf = (run: TextRun) => {
      const y = (run.y0 + run.y1) / 2;
      for (let i = 0; i < bounds.length - 1; i++) if (y <= bounds[i] && y > bounds[i + 1]) return i;
      return y > bounds[0] ? 0 : bounds.length - 2;
    };
    const split = rowsBetweenRules(bands, segmentOf, cols, gridRuled, bounds.length - 1);
    rowCount = split.count;
    if (columnRules) {
      const rows = split.segments.map((s) => ({ top: bounds[s], bottom: bounds[s + 1], segment: s }));
      lattice = { cols, rows };
    }
    // Turned text has no line of its own: it goes to the first row of its segment.
    rowOf = (run) => split.rowOf.get(run) ?? split.firstRow[segmentOf(run)] ?? 0;
  } else {
    rowCount = bands.length;
    const index = new Map<TextRun, number>();
    bands.forEach((band, i) => band.forEach((r) => index.set(r, i)));
    rowOf = (run) => index.get(run) ?? 0;
  }

  const cells: TextRun[][][] = Array.from({ length: rowCount }, () =>
    Array.from({ length: cols.length - 1 }, () => []),
  );
  for (const run of rowsByRules ? [...runs, ...turned] : runs) {
    const row = rowOf(run);
    const covered: number[] = [];
    for (let c = 0; c < cols.length - 1; c++) {
      const overlap = Math.min(run.x1, cols[c + 1]) - Math.max(run.x0, cols[c]);
      if (overlap > 0.6 * (cols[c + 1] - cols[c]) || overlap > 0.5 * (run.x1 - run.x0)) covered.push(c);
    }
    if (!covered.length) {
      const mid = (run.x0 + run.x1) / 2;
      const c = cols.findIndex((x, i) => i < cols.length - 1 && mid >= x && mid < cols[i + 1]);
      covered.push(c < 0 ? 0 : c);
    }
    for (const c of covered) cells[row][c].push(run);
  }
  // Whether the region is a table is judged on its cells as drawn; merged cells repeat text.
  const asDrawn = cells.map((row) => row.map(cellText)).filter((row) => row.some((c) => c.length));
  if (!isTableOfData(asDrawn)) return null;
  let rows = lattice
    ? mergeSpannedCells(cells, lattice, rules)
        .map((row) => row.map(cellText))
        .filter((row) => row.some((c) => c.length))
    : asDrawn;
  // A right-to-left table is read from its rightmost column.
  const rtlChars = runs.filter((r) => r.rtl).reduce((n, r) => n + r.text.length, 0);
  if (rtlChars > runs.reduce((n, r) => n + r.text.length, 0) / 2) rows = rows.map((row) => row.reverse());
  return { bbox, rows };
}

function isTableOfData(rows: string[][]): boolean {
  if (rows.length < 2) return false;
  // Boxes each holding one piece of text (a framed letterhead, a page border) are layout, not a table.
  if (!rows.some((row) => row.filter((c) => c).length >= 2)) return false;
  // Mostly empty cells: a form or page frame drawn with rules, not a table of data.
  const empty = rows.flat().filter((c) => !c).length;
  return empty <= 0.7 * rows.length * rows[0].length;
}

/**
 * Rows between horizontal rules. A ruled row whose cells wrap holds several text lines, each filling a
 * few of its columns; a stretch of rows with no rule between them (booktabs, a table with only a frame
 * and a header rule) holds several lines that each fill most columns. So within each stretch between
 * rules, every line filling more than half of the stretch's columns (two at least) starts a row, and
 * the other lines join the row of the nearest such line (cells centred between a wrapped cell's lines
 * sit between them). A stretch with fewer than two such lines is one row.
 * With column rules, cells that wrap in every column fill them all too: there a stretch is split only
 * when it holds three such lines or more and at least half the table's lines (the body of a table
 * ruled only under its header), not where rules part most rows.
 */
function rowsBetweenRules(
  bands: TextRun[][],
  segmentOf: (run: TextRun) => number,
  cols: number[],
  columnRuled: boolean,
  segmentCount: number,
): { rowOf: Map<TextRun, number>; firstRow: number[]; count: number; segments: number[] } {
  const columnsOf = (band: TextRun[]) =>
    new Set(
      band.map((r) => {
        const mid = (r.x0 + r.x1) / 2;
        return cols.findIndex((x, i) => i < cols.length - 1 && mid >= x && mid < cols[i + 1]);
      }),
    );
  const bySegment = new Map<number, TextRun[][]>();
  for (const band of bands) {
    const segment = segmentOf(band[0]);
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), band]);
  }
  const rowOf = new Map<TextRun, number>();
  const firstRow: number[] = [];
  const segments: number[] = [];
  let count = 0;
  // Ruled both ways, an empty stretch between rules is a row still: a cell spanning rows may fill it.
  const kept = columnRuled
    ? Array.from({ length: segmentCount }, (_, i) => i)
    : [...bySegment.keys()].sort((a, b) => a - b);
  for (const segment of kept) {
    const segmentBands = bySegment.get(segment) ?? [];
    const used = segmentBands.map(columnsOf);
    const union = new Set(used.flatMap((c) => [...c]));
    const full = segmentBands.filter((_, i) => used[i].size >= 2 && used[i].size > union.size / 2);
    firstRow[segment] = count;
    const lines = columnRuled
      ? full.length >= 3 && segmentBands.length >= bands.length / 2
      : full.length >= 2;
    if (!lines) {
      segmentBands.flat().forEach((r) => rowOf.set(r, count));
      segments.push(segment);
      count++;
      continue;
    }
    const baseOf = (band: TextRun[]) => band.reduce((s, r) => s + r.base, 0) / band.length;
    for (const band of segmentBands) {
      const nearest = full.reduce((a, b) =>
        Math.abs(baseOf(b) - baseOf(band)) < Math.abs(baseOf(a) - baseOf(band)) ? b : a,
      );
      band.forEach((r) => rowOf.set(r, count + full.indexOf(nearest)));
    }
    segments.push(...full.map(() => segment));
    count += full.length;
  }
  return { rowOf, firstRow, count, segments };
}

function cellText(runs: TextRun[]): string {
  const rtl = runs.filter((r) => r.rtl).length > runs.length / 2;
  const sorted = [...runs].sort((a, b) =>
    sameBaseline(a, b, SAME_LINE_TABLE * a.size) ? (rtl ? b.x1 - a.x1 : a.x0 - b.x0) : b.base - a.base,
  );
  let text = '';
  let prev: TextRun | undefined;
  for (const r of sorted) {
    if (prev) {
      const sameLine = sameBaseline(prev, r, SAME_LINE_TABLE * r.size);
      const gap = rtl ? prev.x0 - r.x1 : r.x0 - prev.x1;
      if (!sameLine || gap > 0.15 * r.size) text += ' ';
    }
    text += r.text;
    prev = r;
  }
  text = normalizeText(text.replace(/\s+/g, ' ').trim());
  // A bulleted cell is written the way the Markdown writes list items.
  const bullet = listMarker(text);
  return bullet && !bullet.ordered ? `- ${bullet.rest}` : text;
}
