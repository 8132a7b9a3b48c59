import { BBox } from './types.js';

/*
 * Geometry predicates of the engine and their tolerances, each named once. The stages use different
 * tolerances on purpose (a table row is stricter about baselines than a line of running text, say):
 * they are kept apart here rather than averaged into one.
 */

/** Text of one table row or cell line: baselines closer than this share of the font size. */
export const SAME_LINE_TABLE = 0.5;
/** Runs of one line of running text: baselines closer than this share of the larger font size. */
export const SAME_LINE_TEXT = 0.6;
/** Labels on one line beside a figure: baselines closer than this many points. */
export const SAME_LINE_LABEL_PT = 2;
/** Slack (points) when a box or a text centre must lie inside another box. */
export const CONTAIN_MARGIN_PT = 1;
/** A rule this close (points) to an edge of its group's box lies on that edge. */
export const FRAME_EDGE_PT = 3;
/** Rule segments whose positions differ by less than this (points) lie on one line. */
export const COLLINEAR_PT = 1.5;
/** A straight path thinner than this (points) is a line: a table's rule, a chart's axis or tick. */
export const LINE_THICKNESS_PT = 2.5;
/** Two figure/table boxes overlap when they share more than this share of the smaller one. */
export const OVERLAP_SHARE = 0.5;

/** Something set on a baseline: a text run or a line. */
export interface OnBaseline {
  base: number;
  size: number;
}

export function boxWidth(b: BBox): number {
  return b[2] - b[0];
}

export function boxHeight(b: BBox): number {
  return b[3] - b[1];
}

export function boxArea(b: BBox): number {
  return Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
}

/** The box of a run (or anything with corners x0, y0, x1, y1). */
export function runBox(run: { x0: number; y0: number; x1: number; y1: number }): BBox {
  return [run.x0, run.y0, run.x1, run.y1];
}

export function unionBox(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

export function intersectionArea(a: BBox, b: BBox): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Distance between two boxes (0 when they touch or overlap). */
export function boxGap(a: BBox, b: BBox): number {
  const dx = Math.max(0, Math.max(a[0], b[0]) - Math.min(a[2], b[2]));
  const dy = Math.max(0, Math.max(a[1], b[1]) - Math.min(a[3], b[3]));
  return Math.hypot(dx, dy);
}

/** Length shared by the spans [a0, a1] and [b0, b1]; negative is the gap between them. */
export function spanOverlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

/** Whether the boxes share more than `share` of the smaller one's area. */
export function overlapsMostly(a: BBox, b: BBox, share = OVERLAP_SHARE): boolean {
  return intersectionArea(a, b) > share * Math.min(boxArea(a), boxArea(b));
}

/** Whether the span [lo, hi] lies within [outerLo, outerHi], give or take `margin`. */
export function spanWithin(lo: number, hi: number, outerLo: number, outerHi: number, margin = 0): boolean {
  return lo >= outerLo - margin && hi <= outerHi + margin;
}

/** Whether `inner` lies inside `outer`, give or take `margin` points on every side. */
export function boxContains(outer: BBox, inner: BBox, margin = 0): boolean {
  return (
    inner[0] >= outer[0] - margin &&
    inner[1] >= outer[1] - margin &&
    inner[2] <= outer[2] + margin &&
    inner[3] <= outer[3] + margin
  );
}

/** Whether the run's centre lies in the box, give or take `margin` points. */
export function centreInside(
  run: { x0: number; y0: number; x1: number; y1: number },
  box: BBox,
  margin = CONTAIN_MARGIN_PT,
): boolean {
  const x = (run.x0 + run.x1) / 2;
  const y = (run.y0 + run.y1) / 2;
  return x >= box[0] - margin && x <= box[2] + margin && y >= box[1] - margin && y <= box[3] + margin;
}

/** Whether two positions line up: closer than `tolerance` points. */
export function aligned(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) < tolerance;
}

/** Whether two baselines are closer than `tolerance` points: one line. */
export function sameBaseline(a: { base: number }, b: { base: number }, tolerance: number): boolean {
  return Math.abs(a.base - b.base) < tolerance;
}

/**
 * Groups runs or lines into rows, top first: each joins the row above while its baseline is within
 * `share` of its own font size of that row's first member. Members keep their order by baseline.
 */
export function baselineBands<T extends OnBaseline>(items: readonly T[], share = SAME_LINE_TABLE): T[][] {
  const sorted = [...items].sort((a, b) => b.base - a.base);
  const bands: T[][] = [];
  for (const item of sorted) {
    const band = bands[bands.length - 1];
    if (band && sameBaseline(band[0], item, share * item.size)) band.push(item);
    else bands.push([item]);
  }
  return bands;
}
