import { BBox } from '../types.js';
import { FigureRegion, PageContent } from '../model.js';
import { boxHeight, boxWidth, spanOverlap, unionBox } from '../geometry.js';

/** A legend's keys are small marks (points on a side), all of one size. */
const MAX_KEY_SIDE = 12;
const KEY_SIZE_SLACK = 1.5;
const MIN_KEYS = 3;
/** A key's label starts or ends this close to it (points). */
const LABEL_GAP = 12;

export interface Legend {
  /** The keys and their labels. */
  bbox: BBox;
}

/**
 * Marks that are a legend: three or more keys of one size stacked in a column, each with a short label
 * beside it on its line. Null for anything else (bullets carry sentences, not labels).
 */
export function legendOf(keys: { bbox: BBox }[], content: PageContent): Legend | null {
  if (keys.length < MIN_KEYS) return null;
  const w = boxWidth(keys[0].bbox);
  const h = boxHeight(keys[0].bbox);
  const sameSize = keys.every(
    (k) =>
      boxWidth(k.bbox) <= MAX_KEY_SIDE &&
      boxHeight(k.bbox) <= MAX_KEY_SIDE &&
      Math.abs(boxWidth(k.bbox) - w) <= KEY_SIZE_SLACK &&
      Math.abs(boxHeight(k.bbox) - h) <= KEY_SIZE_SLACK,
  );
  const column = keys.every((k) => Math.abs(k.bbox[0] - keys[0].bbox[0]) <= KEY_SIZE_SLACK);
  if (!sameSize || !column) return null;
  let bbox = keys.map((k) => k.bbox).reduce(unionBox);
  for (const key of keys) {
    const label = content.runs.find(
      (r) =>
        r.text.trim().length > 0 &&
        r.text.trim().length <= 40 &&
        spanOverlap(r.y0, r.y1, key.bbox[1], key.bbox[3]) >
          0.5 * Math.min(r.y1 - r.y0, boxHeight(key.bbox)) &&
        (Math.abs(r.x1 - key.bbox[0]) <= LABEL_GAP || Math.abs(r.x0 - key.bbox[2]) <= LABEL_GAP),
    );
    if (!label) return null;
    bbox = unionBox(bbox, [label.x0, label.y0, label.x1, label.y1]);
  }
  return { bbox };
}

/**
 * A legend belongs to the charts beside it at its height: set between two, it is theirs together and
 * they are one figure; beside one, it is that chart's. Farther than twice its size, it is neither.
 */
export function joinLegends(regions: FigureRegion[], legends: Legend[]): FigureRegion[] {
  let out = regions;
  for (const legend of legends) {
    const reach = 2 * Math.max(boxWidth(legend.bbox), boxHeight(legend.bbox));
    const level = (f: FigureRegion) =>
      spanOverlap(f.bbox[1], f.bbox[3], legend.bbox[1], legend.bbox[3]) > 0.3 * boxHeight(legend.bbox);
    const nearest = (side: 'left' | 'right') =>
      out
        .filter((f) => level(f))
        .map((f) => ({ f, gap: side === 'left' ? legend.bbox[0] - f.bbox[2] : f.bbox[0] - legend.bbox[2] }))
        .filter(({ gap }) => gap >= 0 && gap <= reach)
        .sort((a, b) => a.gap - b.gap)[0]?.f;
    const joined = [nearest('left'), nearest('right')].filter((f): f is FigureRegion => f !== undefined);
    if (!joined.length) continue;
    const merged: FigureRegion = {
      bbox: joined.map((f) => f.bbox).reduce(unionBox, legend.bbox),
      images: joined.flatMap((f) => f.images),
      vectors: joined.reduce((n, f) => n + f.vectors, 0),
      curves: joined.reduce((n, f) => n + f.curves, 0),
    };
    if (joined.some((f) => f.chart)) merged.chart = true;
    out = [...out.filter((f) => !joined.includes(f)), merged];
  }
  return out;
}
