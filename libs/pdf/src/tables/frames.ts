import { BBox } from '../types.js';
import { Rule } from './rules.js';

/**
 * The closed rectangles the rules draw: a left and a right rule of the same height, ruled across at
 * both ends (by their own rules, or longer ones they meet, as a box set flush with a cell's rules).
 * Rules within `meet` points of each other meet: a frame's corners, a rule ending on another.
 */
export function closedFrames(rules: Rule[], meet: number): BBox[] {
  const verticals = rules.filter((r) => !r.horizontal);
  const horizontals = rules.filter((r) => r.horizontal);
  const meets = (a: number, b: number) => Math.abs(a - b) <= meet;
  const across = (y: number, x0: number, x1: number) =>
    horizontals.some(
      (h) => meets((h.bbox[1] + h.bbox[3]) / 2, y) && h.bbox[0] <= x0 + meet && h.bbox[2] >= x1 - meet,
    );
  const frames: BBox[] = [];
  for (const left of verticals) {
    const [x, y0, , y1] = left.bbox;
    const rights = verticals.filter(
      (v) =>
        v.bbox[0] > x + meet &&
        meets(v.bbox[1], y0) &&
        meets(v.bbox[3], y1) &&
        across(y0, x, v.bbox[0]) &&
        across(y1, x, v.bbox[0]),
    );
    if (rights.length) frames.push([x, y0, Math.max(...rights.map((v) => v.bbox[0])), y1]);
  }
  return frames;
}
