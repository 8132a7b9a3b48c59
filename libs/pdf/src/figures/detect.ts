import { BBox } from '../types.js';
import {
  PageContent,
  PageImage,
  boxArea,
  boxGap,
  boxHeight,
  boxWidth,
  intersectionArea,
  unionBox,
} from '../model.js';

/** A picture region found on a page, before captions and rendering. */
export interface FigureRegion {
  bbox: BBox;
  images: PageImage[];
  /** Number of vector subpaths inside: 0 for a plain raster picture. */
  vectors: number;
}

/** Parts closer than this (points) belong to one figure. */
const MERGE_GAP = 4;
/** Images smaller than this on a side are bullets, dots or spacers. */
const MIN_SIDE = 8;
const MIN_AREA = 300;
/** Covering more than this share of the page: a background, not a picture. */
const BACKGROUND_SHARE = 0.85;

/** Raster images and clusters of vector drawing, merged into picture regions; decorations skipped. */
export function detectFigures(content: PageContent): FigureRegion[] {
  const pageBox: BBox = [0, 0, content.width, content.height];
  const pageArea = boxArea(pageBox);
  const clip = (b: BBox): BBox => [
    Math.max(b[0], 0),
    Math.max(b[1], 0),
    Math.min(b[2], content.width),
    Math.min(b[3], content.height),
  ];
  const parts: { bbox: BBox; images: PageImage[]; vectors: number; curves: number }[] = [];
  for (const image of content.images) {
    const bbox = clip(image.bbox);
    if (boxWidth(bbox) < MIN_SIDE || boxHeight(bbox) < MIN_SIDE || boxArea(bbox) < MIN_AREA) continue;
    if (boxArea(bbox) > BACKGROUND_SHARE * pageArea) continue;
    parts.push({ bbox, images: [image], vectors: 0, curves: 0 });
  }
  for (const path of content.paths) {
    const bbox = clip(path.bbox);
    if (boxWidth(bbox) <= 0 && boxHeight(bbox) <= 0) continue;
    // Thin straight strokes are rules and table borders, not drawings.
    if (path.straight && (boxWidth(bbox) < 2.5 || boxHeight(bbox) < 2.5)) continue;
    if (boxArea(bbox) > BACKGROUND_SHARE * pageArea) continue;
    parts.push({ bbox, images: [], vectors: 1, curves: path.straight ? 0 : 1 });
  }
  const clusters = cluster(parts);
  const regions: FigureRegion[] = [];
  for (const c of clusters) {
    if (
      boxWidth(c.bbox) < 2 * MIN_SIDE ||
      boxHeight(c.bbox) < 2 * MIN_SIDE ||
      boxArea(c.bbox) < 2 * MIN_AREA
    ) {
      continue;
    }
    if (!c.images.length) {
      // A few shapes are a frame, a shaded box or a bullet; a drawing has many, or curves.
      if (c.vectors < 4 || (c.curves === 0 && c.vectors < 8)) continue;
      if (isTextBox(c.bbox, content)) continue;
    } else if (isTextBox(c.bbox, content) || isTextBand(c.bbox, content)) {
      continue; // an image behind text is its background (a shaded box, a heading banner)
    }
    regions.push({ bbox: c.bbox, images: c.images, vectors: c.vectors });
  }
  return regions;
}

function cluster<T extends { bbox: BBox; images: PageImage[]; vectors: number; curves: number }>(
  parts: T[],
): T[] {
  const items = parts.map((p) => ({ ...p, images: [...p.images] }));
  let merged = true;
  while (merged) {
    merged = false;
    items.sort((a, b) => a.bbox[0] - b.bbox[0]);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if (items[j].bbox[0] - items[i].bbox[2] > MERGE_GAP) break;
        if (boxGap(items[i].bbox, items[j].bbox) > MERGE_GAP) continue;
        const a = items[i];
        const b = items[j];
        a.bbox = unionBox(a.bbox, b.bbox);
        a.images.push(...b.images);
        a.vectors += b.vectors;
        a.curves += b.curves;
        items.splice(j, 1);
        j = i;
        merged = true;
      }
    }
  }
  return items;
}

/** A strip hardly taller than the text lying on it: a heading banner or highlight. */
function isTextBand(bbox: BBox, content: PageContent): boolean {
  const on = content.runs.filter((r) => intersectionArea([r.x0, r.y0, r.x1, r.y1], bbox) > 0);
  return on.length > 0 && boxHeight(bbox) < 3 * Math.max(...on.map((r) => r.size));
}

/**
 * A framed or shaded box holding running text (a sidebar, a code listing, a table) is not a picture:
 * pictures carry at most short labels.
 */
function isTextBox(bbox: BBox, content: PageContent): boolean {
  let chars = 0;
  let textArea = 0;
  for (const run of content.runs) {
    const box: BBox = [run.x0, run.y0, run.x1, run.y1];
    if (intersectionArea(box, bbox) < 0.5 * boxArea(box)) continue;
    chars += run.text.length;
    textArea += boxArea(box);
  }
  return chars > 200 || textArea > 0.3 * boxArea(bbox);
}
