import { BBox } from '../types.js';
import { Line, PageContent, PageItem, TextBlock, TextRun } from '../model.js';
import {
  CONTAIN_MARGIN_PT,
  FRAME_EDGE_PT,
  OVERLAP_SHARE,
  aligned,
  boxContains,
  centreInside,
  overlapsMostly,
} from '../geometry.js';
import { FigureRegion } from '../figures/detect.js';
import { withLabels } from '../figures/labels.js';
import { buildBlocks } from '../layout/blocks.js';
import { drawnBullets } from '../layout/bullets.js';
import { buildLines } from '../layout/lines.js';
import { readingOrder } from '../layout/order.js';
import { TableGrid, buildGrid, joinCollinear } from '../tables/grid.js';
import { findRules, groupRules, joinTableBodies, shadingEdges } from '../tables/rules.js';
import { findAlignedTables } from '../tables/aligned.js';

/** Rules only along the outline (a box with no inner rows or columns), or an axis with ticks. */
function isBareFrame(group: { bbox: BBox; rules: { bbox: BBox; horizontal: boolean }[] }): boolean {
  const [x0, y0, x1, y1] = group.bbox;
  const near = (a: number, b: number) => aligned(a, b, FRAME_EDGE_PT);
  // Tick marks along the edges of a chart's frame are not cell borders.
  const short = (r: { bbox: BBox; horizontal: boolean }) =>
    r.horizontal ? r.bbox[2] - r.bbox[0] < 0.25 * (x1 - x0) : r.bbox[3] - r.bbox[1] < 0.25 * (y1 - y0);
  const rules = joinCollinear(group.rules);
  // Many stubs are an axis with tick marks: a chart's frame, whatever else it draws.
  if (rules.filter(short).length >= 8) return true;
  return rules.every(
    (r) =>
      short(r) ||
      (r.horizontal
        ? near(r.bbox[1], y0) || near(r.bbox[3], y1)
        : near(r.bbox[0], x0) || near(r.bbox[2], x1)),
  );
}

/** A table drawn with rules, and whether its rules only frame it (no inner rows or columns). */
export interface RuledTable {
  grid: TableGrid;
  bare: boolean;
}

/** After the ruled tables: the text left to lay out is what no ruled table holds. */
export interface RuledPage {
  content: PageContent;
  ruled: RuledTable[];
  runs: TextRun[];
}

/** After tables and figures are told apart: the text left is outside both. */
export interface RegionsPage {
  content: PageContent;
  tables: TableGrid[];
  figures: FigureRegion[];
  runs: TextRun[];
}

export interface LinedPage extends RegionsPage {
  lines: Line[];
}

export interface BlockedPage extends RegionsPage {
  blocks: TextBlock[];
}

/** Stage: tables drawn with rules; the runs they hold leave the text flow. */
export function findRuledTables(content: PageContent): RuledPage {
  let runs = content.runs;
  const ruled: RuledTable[] = [];
  // Rules running from one edge of the page to the other are its design (bands, bleeds), not a table.
  const bleeds = (g: { bbox: BBox }) => g.bbox[0] <= 1 && g.bbox[2] >= content.width - 1;
  const groups = joinTableBodies(groupRules(findRules(content.paths)), content.runs).filter(
    (g) => g.bbox[2] - g.bbox[0] >= 40 && g.rules.filter((r) => r.horizontal).length >= 2 && !bleeds(g),
  );
  for (const group of groups) {
    const [x0, y0, x1, y1] = group.bbox;
    const bare = isBareFrame(group);
    // A bare frame drawn around other ruled tables is a page border or a form's outline.
    if (bare && groups.some((g) => g !== group && boxContains(group.bbox, g.bbox, CONTAIN_MARGIN_PT)))
      continue;
    const region: BBox = [x0, y0, x1, y1];
    const held = runs.filter((r) => centreInside(r, region, CONTAIN_MARGIN_PT));
    // Monospaced text between rules is a code listing in its frame: it stays text, for a code block.
    if (held.length && held.every((r) => r.mono)) continue;
    const grid = buildGrid(
      region,
      [...group.rules, ...shadingEdges(content.paths, region, group.rules)],
      held,
      (content.verticalRuns ?? []).filter((r) => centreInside(r, region, CONTAIN_MARGIN_PT)),
    );
    if (!grid) continue;
    ruled.push({ grid, bare });
    runs = runs.filter((r) => !centreInside(r, region, CONTAIN_MARGIN_PT));
  }
  return { content, ruled, runs };
}

/**
 * Stage: table or figure. Drawings are found (when the page's graphics were read) and settled against
 * the ruled tables: a ruled frame around a drawing is the drawing's, a drawing inside a table is its
 * shading. Figures then grow over their labels, and the text they cover leaves the text flow.
 */
export function settleFigures({ content, ruled, runs }: RuledPage, detected: FigureRegion[]): RegionsPage {
  let figures = detected;
  const overlapping = (f: FigureRegion, t: TableGrid) => overlapsMostly(f.bbox, t.bbox, OVERLAP_SHARE);
  // A frame with no inner rules around a drawing is the drawing's border, not a table; so are the
  // grid lines of a chart whose curves (plotted lines, markers) outnumber the would-be cells.
  const plotted = (f: FigureRegion, t: TableGrid) =>
    f.curves >= Math.max(12, t.rows.length * t.rows[0].length);
  const framedDrawings = ruled.filter((t) =>
    figures.some((f) => overlapping(f, t.grid) && (t.bare || f.chart || plotted(f, t.grid))),
  );
  if (framedDrawings.length) {
    runs = runs.concat(
      content.runs.filter((r) => framedDrawings.some((t) => centreInside(r, t.grid.bbox, CONTAIN_MARGIN_PT))),
    );
  }
  const tables = ruled.filter((t) => !framedDrawings.includes(t)).map((t) => t.grid);
  // A drawn table is found as rules first; drawings overlapping it are its cell shading.
  figures = withLabels(
    figures.filter((f) => !tables.some((t) => overlapping(f, t))),
    content,
  );
  runs = runs.filter((r) => !figures.some((f) => centreInside(r, f.bbox)));
  return { content, tables, figures, runs };
}

/** Stage: the runs left, grouped into lines. */
export function lineUp(page: RegionsPage): LinedPage {
  return { ...page, lines: buildLines([...page.runs, ...drawnBullets(page.content.paths, page.runs)]) };
}

/** Stage: tables set by whitespace alone, from the lines; the lines they use leave the text. */
export function findWhitespaceTables(page: LinedPage): LinedPage {
  const aligned = findAlignedTables(page.lines, page.content.width);
  return {
    ...page,
    tables: [...page.tables, ...aligned.tables],
    lines: page.lines.filter((l) => !aligned.used.has(l)),
  };
}

/** Stage: the remaining lines stacked into blocks. */
export function stackBlocks({ lines, ...page }: LinedPage): BlockedPage {
  return { ...page, blocks: buildBlocks(lines) };
}

/** Stage: blocks, figures and tables as page items, in reading order (right to left when most text is). */
export function orderItems({ content, blocks, figures, tables, runs }: BlockedPage): PageItem[] {
  const items: PageItem[] = [
    ...blocks.map((block) => ({
      kind: 'text' as const,
      page: content.page,
      bbox: block.bbox,
      block,
    })),
    ...figures.map((figure) => ({ kind: 'figure' as const, page: content.page, bbox: figure.bbox, figure })),
    ...tables.map((table) => ({ kind: 'table' as const, page: content.page, bbox: table.bbox, table })),
  ];
  const rtlChars = runs.filter((r) => r.rtl).reduce((n, r) => n + r.text.length, 0);
  const chars = runs.reduce((n, r) => n + r.text.length, 0);
  return readingOrder(items, rtlChars > chars / 2);
}
