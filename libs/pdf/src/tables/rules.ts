import { BBox } from '../types.js';
import { PagePath, TextRun } from '../model.js';
import {
  CONTAIN_MARGIN_PT,
  LINE_THICKNESS_PT,
  baselineBands,
  boxArea,
  boxHeight,
  boxWidth,
  intersectionArea,
  spanWithin,
  unionBox,
} from '../geometry.js';

export interface Rule {
  bbox: BBox;
  horizontal: boolean;
}

const MIN_LENGTH = 8;

/**
 * Straight, thin painted paths (`LINE_THICKNESS_PT`): the rules from which ruled tables are rebuilt;
 * rectangle outlines contribute their four edges.
 */
export function findRules(paths: PagePath[]): Rule[] {
  const rules: Rule[] = [];
  for (const cell of tiledCells(paths)) {
    const [x0, y0, x1, y1] = cell;
    rules.push({ bbox: [x0, y0, x1, y0], horizontal: true }, { bbox: [x0, y1, x1, y1], horizontal: true });
    rules.push({ bbox: [x0, y0, x0, y1], horizontal: false }, { bbox: [x1, y0, x1, y1], horizontal: false });
  }
  for (const p of paths) {
    if (!p.straight) continue;
    const [x0, y0, x1, y1] = p.bbox;
    const w = boxWidth(p.bbox);
    const h = boxHeight(p.bbox);
    if (h < LINE_THICKNESS_PT && w >= MIN_LENGTH) rules.push({ bbox: p.bbox, horizontal: true });
    else if (w < LINE_THICKNESS_PT && h >= MIN_LENGTH) rules.push({ bbox: p.bbox, horizontal: false });
    else if (p.stroked && !p.filled && w >= MIN_LENGTH && h >= MIN_LENGTH) {
      rules.push({ bbox: [x0, y0, x1, y0], horizontal: true }, { bbox: [x0, y1, x1, y1], horizontal: true });
      rules.push(
        { bbox: [x0, y0, x0, y1], horizontal: false },
        { bbox: [x1, y0, x1, y1], horizontal: false },
      );
    }
  }
  return rules;
}

/**
 * The top and bottom edges of the cells shaded inside a ruled table: a shaded header band or striped
 * rows part rows as rules do, and are often the only thing that does (no rule under the header). A
 * box counts when it fills whole columns, side to side between the table's edges and column rules;
 * shading inset within a cell highlights a paragraph, not a row.
 */
export function shadingEdges(paths: PagePath[], table: BBox, rules: Rule[]): Rule[] {
  const columnEdges = [table[0], table[2], ...rules.filter((r) => !r.horizontal).map((r) => r.bbox[0])];
  const onEdge = (x: number) => columnEdges.some((edge) => Math.abs(edge - x) < 1.5);
  const within = (b: BBox) => spanWithin(b[1], b[3], table[1], table[3], CONTAIN_MARGIN_PT);
  return paths
    .filter(
      ({ straight, filled, bbox }) =>
        straight &&
        filled &&
        boxHeight(bbox) >= LINE_THICKNESS_PT &&
        within(bbox) &&
        onEdge(bbox[0]) &&
        onEdge(bbox[2]),
    )
    .flatMap(({ bbox: [x0, y0, x1, y1] }): Rule[] => [
      { bbox: [x0, y0, x1, y0], horizontal: true },
      { bbox: [x0, y1, x1, y1], horizontal: true },
    ]);
}

/** Filled boxes laid edge to edge in rows and columns: this many make a table drawn as cell shading. */
const MIN_TILED = 6;

/**
 * Filled rectangles that share whole edges with neighbours on both axes, like the shaded cells of a
 * slide or spreadsheet table drawn without lines: their outlines stand for the table's rules.
 */
function tiledCells(paths: PagePath[]): BBox[] {
  const filled = paths
    .filter(
      (p) => p.straight && p.filled && boxWidth(p.bbox) >= MIN_LENGTH && boxHeight(p.bbox) >= MIN_LENGTH,
    )
    .map((p) => p.bbox);
  if (filled.length > 2000) return [];
  // The same cell painted twice (fill, then outline) counts once.
  const boxes = filled.filter(
    (b, i) => !filled.slice(0, i).some((o) => o.every((v, k) => Math.abs(v - b[k]) < 1)),
  );
  if (boxes.length < MIN_TILED) return [];
  // Cells partition the table: overlapping shapes (callouts, a box on a panel) are a drawing.
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const shared = intersectionArea(boxes[i], boxes[j]);
      if (shared > 0.2 * Math.min(boxArea(boxes[i]), boxArea(boxes[j]))) return [];
    }
  }
  const near = (a: number, b: number) => Math.abs(a - b) < 1.5;
  const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);
  const side = new Set<number>();
  const stacked = new Set<number>();
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (
        (near(a[2], b[0]) || near(b[2], a[0])) &&
        overlap(a[1], a[3], b[1], b[3]) > 0.5 * Math.min(boxHeight(a), boxHeight(b))
      ) {
        side.add(i).add(j);
      }
      if (
        (near(a[3], b[1]) || near(b[3], a[1])) &&
        overlap(a[0], a[2], b[0], b[2]) > 0.5 * Math.min(boxWidth(a), boxWidth(b))
      ) {
        stacked.add(i).add(j);
      }
    }
  }
  // Bars of a chart stand side by side but never on top of each other: require both kinds of neighbour.
  if (side.size < MIN_TILED || stacked.size < MIN_TILED) return [];
  return boxes.filter((_, i) => side.has(i) || stacked.has(i));
}

/**
 * Groups rules that touch into frames, then stacks frames made only of horizontal rules over the same
 * span (booktabs tables have no vertical rules). A frame with vertical rules is complete by itself: a
 * chart axis or a second table below it is another object.
 */
export function groupRules(rules: Rule[], maxRowGap = 60): RuleGroup[] {
  // Pairwise, so bounded: a page with thousands of rules is hatching, not a table.
  const n = Math.min(rules.length, 3000);
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const touch = (p: BBox, q: BBox): boolean =>
    p[0] - 2 <= q[2] && q[0] - 2 <= p[2] && p[1] - 2 <= q[3] && q[1] - 2 <= p[3];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (find(i) !== find(j) && touch(rules[i].bbox, rules[j].bbox)) parent[find(i)] = find(j);
    }
  }
  const framed = new Set<number>();
  for (let i = 0; i < n; i++) if (!rules[i].horizontal) framed.add(find(i));
  const stacked = (a: Rule, b: Rule): boolean => {
    const [p, q] = [a.bbox, b.bbox];
    const overlap = Math.min(p[2], q[2]) - Math.max(p[0], q[0]);
    const shorter = Math.min(p[2] - p[0], q[2] - q[0]);
    const dy = Math.max(p[1], q[1]) - Math.min(p[3], q[3]);
    return overlap > 0.8 * shorter && dy < maxRowGap;
  };
  for (let i = 0; i < n; i++) {
    if (framed.has(find(i))) continue;
    for (let j = i + 1; j < n; j++) {
      if (framed.has(find(j)) || find(i) === find(j)) continue;
      if (stacked(rules[i], rules[j])) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, RuleGroup>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) {
      g.bbox = unionBox(g.bbox, rules[i].bbox);
      g.rules.push(rules[i]);
    } else groups.set(root, { bbox: rules[i].bbox, rules: [rules[i]] });
  }
  return [...groups.values()];
}

export interface RuleGroup {
  bbox: BBox;
  rules: Rule[];
}

/**
 * A booktabs table's body can be taller than the gap `groupRules` bridges: its header is a group of
 * two rules (above and under the header), its bottom rule a single line of the same width further
 * down. They are one table when nothing between them reaches past that width or fills it (text set
 * across it, or lines as wide as it, are a page's prose; rules beside or across it are another object).
 */
export function joinTableBodies(groups: RuleGroup[], runs: TextRun[]): RuleGroup[] {
  const horizontalOnly = (g: RuleGroup) => g.rules.every((r) => r.horizontal);
  // The bottom rule closes the table: one line (perhaps stroked twice), not a table of its own.
  const oneLine = (g: RuleGroup) => horizontalOnly(g) && boxHeight(g.bbox) < LINE_THICKNESS_PT;
  const sameSpan = (a: BBox, b: BBox) => Math.abs(a[0] - b[0]) < 2 && Math.abs(a[2] - b[2]) < 2;
  const out = [...groups];
  for (const head of groups) {
    if (!out.includes(head) || !horizontalOnly(head) || head.rules.length < 2) continue;
    const [x0, , x1] = head.bbox;
    const below = out
      .filter((g) => g !== head && oneLine(g) && sameSpan(g.bbox, head.bbox) && g.bbox[3] < head.bbox[1])
      .sort((a, b) => b.bbox[3] - a.bbox[3])[0];
    if (!below) continue;
    const between = (b: BBox) => b[1] < head.bbox[1] && b[3] > below.bbox[3] && b[0] < x1 && b[2] > x0;
    const runsBetween = runs.filter((r) => between([r.x0, r.y0, r.x1, r.y1]));
    // The header holds text between its rules (two strokes of one rule hold none).
    const mid = (r: TextRun) => (r.y0 + r.y1) / 2;
    const header = runs.some((r) => mid(r) < head.bbox[3] && mid(r) > head.bbox[1] && r.x0 < x1 && r.x1 > x0);
    if (!header) continue;
    // Lines of prose fill the width they are set in with no gap wider than a word space; a table's
    // rows leave gaps between cells. Code is a listing in a frame.
    const prose = baselineBands(runsBetween).filter((band) => filledLine(band, x1 - x0)).length >= 2;
    const code = runsBetween.filter((r) => r.mono).length > runsBetween.length / 2;
    const crossing =
      prose ||
      code ||
      runsBetween.some((r) => r.x0 < x0 - 2 || r.x1 > x1 + 2) ||
      out.some((g) => g !== head && g !== below && between(g.bbox));
    if (crossing || !runsBetween.length) continue;
    out.splice(out.indexOf(below), 1);
    out[out.indexOf(head)] = {
      bbox: unionBox(head.bbox, below.bbox),
      rules: [...head.rules, ...below.rules],
    };
  }
  return out;
}

/** Runs of one line that fill most of `width` with no gap wider than an em (two word spaces or so). */
function filledLine(band: TextRun[], width: number): boolean {
  const sorted = [...band].sort((a, b) => a.x0 - b.x0);
  const wide = sorted.some((r, i) => i > 0 && r.x0 - sorted[i - 1].x1 > r.size);
  return !wide && sorted[sorted.length - 1].x1 - sorted[0].x0 > 0.8 * width;
}
