import { BBox } from '../types.js';
import { PagePath } from '../model.js';
import { boxHeight, boxWidth, unionBox } from '../geometry.js';

/** A stroke thinner than this (points) is a line: a rule, an axis or a tick. */
const LINE_THICKNESS = 2.5;
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
 * The plots drawn on a page, found by their scales: an axis line carrying tick marks at three or more
 * places, meeting a perpendicular axis at a corner. Table rules and underlines carry no ticks; a
 * form's comb of stubs has no second axis. Plots side by side are separate: each has its own axes.
 */
export function plotFrames(paths: PagePath[]): PlotFrame[] {
  const segments = paths.flatMap((path): Segment[] => {
    if (!path.straight) return [];
    const w = boxWidth(path.bbox);
    const h = boxHeight(path.bbox);
    if (h < LINE_THICKNESS && w >= h)
      return [{ path, horizontal: true, at: mid(path.bbox, 1), from: path.bbox[0], to: path.bbox[2] }];
    if (w < LINE_THICKNESS)
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
    group.forEach((g) => taken.add(g));
    const unique = [...new Set([...group].flatMap((g) => [g, ...(scaled.get(g) ?? [])].map((s) => s.path)))];
    frames.push({ bbox: unique.map((p) => p.bbox).reduce(unionBox), paths: unique });
  }
  return frames;
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
