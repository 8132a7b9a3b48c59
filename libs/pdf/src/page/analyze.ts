import { BBox } from '../types.js';
import { PageContent, PageItem } from '../model.js';
import {
  CONTAIN_MARGIN_PT,
  FRAME_EDGE_PT,
  OVERLAP_SHARE,
  aligned,
  boxContains,
  centreInside as inside,
  overlapsMostly,
} from '../geometry.js';
import { FigureRegion, detectFigures } from '../figures/detect.js';
import { withLabels } from '../figures/labels.js';
import { buildBlocks } from '../layout/blocks.js';
import { buildLines } from '../layout/lines.js';
import { readingOrder } from '../layout/order.js';
import { TableGrid, buildGrid, joinCollinear } from '../tables/grid.js';
import { findRules, groupRules, shadingEdges } from '../tables/rules.js';
import { findAlignedTables } from '../tables/aligned.js';

export type { PageItem };

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

/** Finds the tables, pictures and text blocks of one page, in reading order. */
export function analyzePage(content: PageContent, options: { figures: boolean }): PageItem[] {
  let runs = content.runs;
  const ruled: { grid: TableGrid; bare: boolean }[] = [];
  // Rules running from one edge of the page to the other are its design (bands, bleeds), not a table.
  const bleeds = (g: { bbox: BBox }) => g.bbox[0] <= 1 && g.bbox[2] >= content.width - 1;
  const groups = groupRules(findRules(content.paths)).filter(
    (g) => g.bbox[2] - g.bbox[0] >= 40 && g.rules.filter((r) => r.horizontal).length >= 2 && !bleeds(g),
  );
  for (const group of groups) {
    const [x0, y0, x1, y1] = group.bbox;
    const bare = isBareFrame(group);
    // A bare frame drawn around other ruled tables is a page border or a form's outline.
    if (bare && groups.some((g) => g !== group && boxContains(group.bbox, g.bbox, CONTAIN_MARGIN_PT)))
      continue;
    const region: BBox = [x0, y0, x1, y1];
    const held = runs.filter((r) => inside(r, region, 1));
    // Monospaced text between rules is a code listing in its frame: it stays text, for a code block.
    if (held.length && held.every((r) => r.mono)) continue;
    const grid = buildGrid(
      region,
      [...group.rules, ...shadingEdges(content.paths, region, group.rules)],
      held,
      (content.verticalRuns ?? []).filter((r) => inside(r, region, 1)),
    );
    if (!grid) continue;
    ruled.push({ grid, bare });
    runs = runs.filter((r) => !inside(r, region, 1));
  }
  let figures = options.figures ? detectFigures(content) : [];
  const overlapping = (f: FigureRegion, t: TableGrid) => overlapsMostly(f.bbox, t.bbox, OVERLAP_SHARE);
  // A frame with no inner rules around a drawing is the drawing's border, not a table; so are the
  // grid lines of a chart whose curves (plotted lines, markers) outnumber the would-be cells.
  const plotted = (f: FigureRegion, t: TableGrid) =>
    f.curves >= Math.max(12, t.rows.length * t.rows[0].length);
  const framedDrawings = ruled.filter((t) =>
    figures.some((f) => overlapping(f, t.grid) && (t.bare || plotted(f, t.grid))),
  );
  if (framedDrawings.length) {
    runs = runs.concat(content.runs.filter((r) => framedDrawings.some((t) => inside(r, t.grid.bbox, 1))));
  }
  const tables = ruled.filter((t) => !framedDrawings.includes(t)).map((t) => t.grid);
  // A drawn table is found as rules first; drawings overlapping it are its cell shading.
  figures = withLabels(
    figures.filter((f) => !tables.some((t) => overlapping(f, t))),
    content,
  );
  runs = runs.filter((r) => !figures.some((f) => inside(r, f.bbox)));

  const lines = buildLines(runs);
  const aligned = findAlignedTables(lines, content.width);
  tables.push(...aligned.tables);
  const items: PageItem[] = [
    ...buildBlocks(lines.filter((l) => !aligned.used.has(l))).map((block) => ({
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
