import { BBox } from '../types.js';
import { PagePath, TextRun } from '../model.js';
import { LINE_THICKNESS_PT, boxHeight, boxWidth, centreInside, unionBox } from '../geometry.js';

/** An axis is at least this long (points); a tick at most this long. */
const MIN_AXIS = 24;
const MAX_TICK = 8;
const MIN_TICK = 1;
const TICK_SHAPE = 3;
/** A tick touches its axis, and two axes meet at a corner, within this (points). */
const TOUCH = 1.5;
const CORNER = 3;
/** Ticks at this many distinct places along an axis make it a chart's scale, not a rule. */
const MIN_TICKS = 3;
/** A tick value is a short run set this close (points) outside its axis. */
const MAX_VALUE_CHARS = 12;
const VALUE_REACH = 14;

/** The axes of one plot: its frame or L of axis lines, with their tick marks. */
export interface PlotFrame {
  bbox: BBox;
  paths: PagePath[];
}

interface Segment {
  path: PagePath;
  horizontal: boolean;
  /** Position across the segment (y of a horizontal one) and its span along. */
  at: number;
  from: number;
  to: number;
}

/**
 * The plots drawn on a page, found by their scales: an axis line carrying tick marks, or tick values
 * set outside it, at three or more places, meeting a perpendicular axis at a corner. Axes known by
 * their values alone must frame something plotted: a drawn path, or what `plottedWithin` finds (a
 * scan's ink). Table rules and
 * underlines carry neither (a table's text is inside its rules); a form's comb of stubs has no second
 * axis. Plots side by side are separate: each has its own axes.
 */
export function plotFrames(
  paths: PagePath[],
  runs: TextRun[] = [],
  plottedWithin?: (bbox: BBox) => boolean,
): PlotFrame[] {
  const segments = paths.flatMap((path): Segment[] => {
    if (!path.straight) return [];
    const w = boxWidth(path.bbox);
    const h = boxHeight(path.bbox);
    if (h < LINE_THICKNESS_PT && w >= h)
      return [{ path, horizontal: true, at: mid(path.bbox, 1), from: path.bbox[0], to: path.bbox[2] }];
    if (w < LINE_THICKNESS_PT)
      return [{ path, horizontal: false, at: mid(path.bbox, 0), from: path.bbox[1], to: path.bbox[3] }];
    // A stroked box may be the plot's frame: its sides are axes (ticks tell whether they are).
    if (!path.stroked || w < MIN_AXIS || h < MIN_AXIS) return [];
    const [x0, y0, x1, y1] = path.bbox;
    return [
      { path, horizontal: true, at: y0, from: x0, to: x1 },
      { path, horizontal: true, at: y1, from: x0, to: x1 },
      { path, horizontal: false, at: x0, from: y0, to: y1 },
      { path, horizontal: false, at: x1, from: y0, to: y1 },
    ];
  });
  const axes = segments.filter((s) => s.to - s.from >= MIN_AXIS);
  // A tick is a stroke clearly longer than thick: the square joints of a table's rules are not.
  const ticks = segments.filter((s) => {
    const length = s.to - s.from;
    const thickness = s.horizontal ? boxHeight(s.path.bbox) : boxWidth(s.path.bbox);
    return length <= MAX_TICK && length >= MIN_TICK && length >= TICK_SHAPE * thickness;
  });
  if (axes.length > 2000 || ticks.length > 5000) return [];
  const scaled = new Map<Segment, Segment[]>();
  for (const axis of axes) {
    const on = ticks.filter(
      (t) =>
        t.horizontal !== axis.horizontal &&
        t.at >= axis.from - TOUCH &&
        t.at <= axis.to + TOUCH &&
        axis.at >= t.from - TOUCH &&
        axis.at <= t.to + TOUCH,
    );
    if (new Set(on.map((t) => Math.round(t.at))).size >= MIN_TICKS) scaled.set(axis, on);
  }
  const valued = new Set(axes.filter((axis) => !scaled.has(axis) && hasValues(axis, runs, axes)));
  for (const axis of valued) scaled.set(axis, []);
  const frames: PlotFrame[] = [];
  const taken = new Set<Segment>();
  for (const axis of scaled.keys()) {
    if (taken.has(axis)) continue;
    // The plot's other axes: perpendicular lines meeting this one's ends, and lines closing the frame.
    const group = new Set<Segment>([axis]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const other of axes) {
        if (group.has(other) || taken.has(other)) continue;
        if ([...group].some((g) => meets(g, other))) {
          group.add(other);
          grew = true;
        }
      }
    }
    const perpendicular = [...group].some((g) => g.horizontal !== axis.horizontal);
    if (!perpendicular) continue;
    const unique = [...new Set([...group].flatMap((g) => [g, ...(scaled.get(g) ?? [])].map((s) => s.path)))];
    const bbox = unique.map((p) => p.bbox).reduce(unionBox);
    // Axes known by their values alone must frame something plotted: an empty corner is a border.
    const ticked = [...group].some((g) => scaled.has(g) && !valued.has(g));
    const plotted = (p: PagePath) =>
      !unique.includes(p) &&
      (!p.straight || (boxWidth(p.bbox) >= LINE_THICKNESS_PT && boxHeight(p.bbox) >= LINE_THICKNESS_PT)) &&
      centreInside(runOf(p.bbox), bbox, 0);
    if (!ticked && !(plottedWithin ? plottedWithin(bbox) : paths.some(plotted))) continue;
    group.forEach((g) => taken.add(g));
    frames.push({ bbox, paths: unique });
  }
  return frames;
}

function runOf([x0, y0, x1, y1]: BBox) {
  return { x0, y0, x1, y1 };
}

/**
 * Three or more tick values set just outside the axis (below a horizontal one, left of a vertical
 * one), spread apart: words of a line of text stand a space apart, lines of a paragraph a leading.
 * Outside means no line goes on from the axis to that side: a table's inner rule has its next row
 * below it, between rules that go on down.
 */
function hasValues(axis: Segment, runs: TextRun[], axes: Segment[]): boolean {
  const goesOn = axes.some(
    (o) =>
      o.horizontal !== axis.horizontal &&
      o.at >= axis.from - CORNER &&
      o.at <= axis.to + CORNER &&
      o.from < axis.at - CORNER &&
      o.to >= axis.at - CORNER,
  );
  if (goesOn) return false;
  const values = runs.filter((r) => {
    const text = r.text.trim();
    if (!text || text.length > MAX_VALUE_CHARS) return false;
    const along = axis.horizontal ? (r.x0 + r.x1) / 2 : (r.y0 + r.y1) / 2;
    if (along < axis.from - VALUE_REACH || along > axis.to + VALUE_REACH) return false;
    const edge = axis.horizontal ? r.y1 : r.x1;
    return edge <= axis.at + TOUCH && edge >= axis.at - VALUE_REACH;
  });
  const spans = values
    .map((r) => (axis.horizontal ? [r.x0, r.x1, r.size] : [r.y0, r.y1, r.size]))
    .sort((a, b) => a[0] - b[0]);
  let apart = spans.length ? 1 : 0;
  for (let i = 1; i < spans.length; i++) {
    const gap = spans[i][0] - spans[i - 1][1];
    if (gap < 0) continue;
    if (gap < (axis.horizontal ? 1 : 0.5) * spans[i][2]) return false;
    apart++;
  }
  return apart >= MIN_TICKS;
}

function mid(b: BBox, axis: 0 | 1): number {
  return (b[axis] + b[axis + 2]) / 2;
}

/**
 * Perpendicular segments meeting near an end of both: a corner. Plots stacked with aligned axes stay
 * apart, as no side of one meets a side of the other.
 */
function meets(a: Segment, b: Segment): boolean {
  if (a.horizontal === b.horizontal) return false;
  const nearEnd = (s: Segment, v: number) => Math.abs(s.from - v) < CORNER || Math.abs(s.to - v) < CORNER;
  return nearEnd(a, b.at) && nearEnd(b, a.at);
}
