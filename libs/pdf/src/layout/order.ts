import { BBox } from '../types.js';

export interface Placed {
  bbox: BBox;
}

/** Narrowest empty vertical strip that counts as a column gutter, in points. */
const MIN_GUTTER = 6;

/**
 * Reading order by recursive XY-cut: split at a vertical gutter that runs through the whole region
 * (columns, read left to right or right to left), else at horizontal gaps (top to bottom). Horizontal
 * slabs that share a gutter are merged first, so a paragraph gap that happens to line up across two
 * columns does not interleave them.
 */
export function readingOrder<T extends Placed>(items: T[], rtl = false): T[] {
  if (items.length <= 1) return items;
  const columns = splitAxis(items, 'x', MIN_GUTTER);
  if (columns.length > 1) {
    const ordered = rtl ? columns.reverse() : columns;
    return ordered.flatMap((col) => readingOrder(col, rtl));
  }
  const slabs = mergeSlabsSharingGutter(splitAxis(items, 'y', 0.01));
  if (slabs.length > 1) return slabs.flatMap((slab) => readingOrder(slab, rtl));
  // No cut possible (overlapping items): plain top-to-bottom, then by side.
  return [...items].sort(
    (a, b) => b.bbox[3] - a.bbox[3] || (rtl ? b.bbox[2] - a.bbox[2] : a.bbox[0] - b.bbox[0]),
  );
}

/** Groups items into bands separated by empty strips along an axis; 'y' bands come top first. */
function splitAxis<T extends Placed>(items: T[], axis: 'x' | 'y', minGap: number): T[][] {
  const lo = axis === 'x' ? 0 : 1;
  const hi = axis === 'x' ? 2 : 3;
  const sorted = [...items].sort((a, b) => a.bbox[lo] - b.bbox[lo]);
  const groups: T[][] = [];
  let current: T[] = [];
  let end = -Infinity;
  for (const item of sorted) {
    if (current.length && item.bbox[lo] - end >= minGap) {
      groups.push(current);
      current = [];
    }
    current.push(item);
    end = Math.max(end, item.bbox[hi]);
  }
  groups.push(current);
  return axis === 'y' ? groups.reverse() : groups;
}

function gutters(items: Placed[]): [number, number][] {
  const cols = splitAxis(items, 'x', MIN_GUTTER);
  const out: [number, number][] = [];
  for (let i = 1; i < cols.length; i++) {
    const left = Math.max(...cols[i - 1].map((it) => it.bbox[2]));
    const right = Math.min(...cols[i].map((it) => it.bbox[0]));
    out.push([left, right]);
  }
  return out;
}

/** The horizontal extent of each column of a region split at its gutters. */
function columnSpans(items: Placed[]): [number, number][] {
  return splitAxis(items, 'x', MIN_GUTTER).map((col) => [
    Math.min(...col.map((it) => it.bbox[0])),
    Math.max(...col.map((it) => it.bbox[2])),
  ]);
}

/** Every item lies inside one of the columns (with a point to spare). */
function fitsColumns(slab: Placed[], spans: [number, number][]): boolean {
  return (
    spans.length > 1 &&
    slab.every((it) => spans.some(([x0, x1]) => it.bbox[0] >= x0 - 1 && it.bbox[2] <= x1 + 1))
  );
}

/** Some item runs over two columns (text set across the page, not a page number in the gutter). */
function spansColumns(slab: Placed[], spans: [number, number][]): boolean {
  return slab.some((it) => spans.filter(([x0, x1]) => it.bbox[0] < x1 && it.bbox[2] > x0).length > 1);
}

/**
 * Joins slabs that belong to the same columns: a slab sharing a gutter with the one above, and a slab
 * that lies within the columns above it (the rest of one column running on below the other's end, as
 * when a float fills the top of the other), unless text set across the columns follows it: then it is
 * that text's heading.
 */
function mergeSlabsSharingGutter<T extends Placed>(slabs: T[][]): T[][] {
  const out: T[][] = [];
  let prevGutters: [number, number][] = [];
  slabs.forEach((slab, i) => {
    const g = gutters(slab);
    const shared = g.some(([a, b]) => prevGutters.some(([c, d]) => Math.min(b, d) - Math.max(a, c) > 0));
    const last = out[out.length - 1];
    const within = (spans: [number, number][]) => {
      const next = slabs[i + 1];
      return fitsColumns(slab, spans) && !(next && spansColumns(next, spans));
    };
    if (last && (shared || within(columnSpans(last)))) {
      last.push(...slab);
      prevGutters = gutters(last);
      if (!prevGutters.length) prevGutters = g;
    } else {
      out.push([...slab]);
      prevGutters = g;
    }
  });
  return out;
}
