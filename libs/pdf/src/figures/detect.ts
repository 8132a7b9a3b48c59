import { BBox } from '../types.js';
import { FigureRegion, PageContent, PageImage } from '../model.js';
import {
  CONTAIN_MARGIN_PT,
  LINE_THICKNESS_PT,
  boxArea,
  boxContains,
  boxGap,
  boxHeight,
  boxWidth,
  intersectionArea,
  unionBox,
} from '../geometry.js';
import { plotFrames } from './axes.js';
import { joinLegends, legendOf } from './legends.js';

export type { FigureRegion };

/** Parts closer than this (points) belong to one figure. */
const MERGE_GAP = 6;
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
  // A scan's captioned frame is a figure as it stands; what lies within it is its own, and it takes in
  // nothing beside it.
  const framed: FigureRegion[] = content.images
    .filter((im) => im.captioned)
    .map((im) => ({ bbox: clip(im.bbox), images: [im], vectors: 0, curves: 0 }));
  const inFrame = (b: BBox) => framed.some((f) => boxContains(f.bbox, b, MERGE_GAP));
  const parts: Part[] = [];
  for (const image of content.images) {
    if (image.captioned) continue;
    const bbox = clip(image.bbox);
    if (inFrame(bbox)) continue;
    if (boxWidth(bbox) < MIN_SIDE || boxHeight(bbox) < MIN_SIDE || boxArea(bbox) < MIN_AREA) continue;
    if (boxArea(bbox) > BACKGROUND_SHARE * pageArea) continue;
    parts.push({ bbox, images: [image], vectors: 0, curves: 0 });
  }
  // A filled box with text set on it is a shaded panel behind that text, not drawing, unless boxes
  // nest in one another (a diagram of labelled boxes).
  const panels = content.paths.filter((p) => p.filled && p.straight && carriesText(p.bbox, content));
  // Clearly smaller and inside: a shape drawn twice (fill and shadow) is not nesting.
  const within = (a: BBox, b: BBox) => boxContains(b, a, CONTAIN_MARGIN_PT) && boxArea(a) < 0.8 * boxArea(b);
  const lonePanels = new Set(
    panels.length > 200
      ? []
      : panels.filter(
          (p) => !panels.some((o) => o !== p && (within(o.bbox, p.bbox) || within(p.bbox, o.bbox))),
        ),
  );
  const striped = stripes(content.paths);
  const panelParts: Part[] = [];
  // A plot's axes and ticks are thin strokes too: they seed its figure, which draws whatever is near.
  const plots = plotFrames(content.paths, content.runs);
  const inPlot = new Set(plots.flatMap((p) => p.paths));
  for (const plot of plots) {
    if (inFrame(plot.bbox)) continue;
    parts.push({ bbox: clip(plot.bbox), images: [], vectors: plot.paths.length, curves: 0, chart: true });
  }
  for (const path of content.paths) {
    if (inPlot.has(path)) continue;
    const bbox = clip(path.bbox);
    if (inFrame(bbox)) continue;
    if (boxWidth(bbox) <= 0 && boxHeight(bbox) <= 0) continue;
    // Thin straight strokes are rules and table borders, not drawings, unless stacked densely.
    if (
      path.straight &&
      (boxWidth(bbox) < LINE_THICKNESS_PT || boxHeight(bbox) < LINE_THICKNESS_PT) &&
      !striped.has(path)
    )
      continue;
    if (boxArea(bbox) > BACKGROUND_SHARE * pageArea) continue;
    const part = { bbox, images: [], vectors: 1, curves: path.straight ? 0 : 1 };
    if (lonePanels.has(path)) panelParts.push(part);
    else parts.push(part);
  }
  const regions: FigureRegion[] = [...framed];
  // A diagram of labelled callouts is judged with its panels; elsewhere panels are only backgrounds.
  const diagrams = panelParts.length
    ? cluster([...parts, ...panelParts]).filter(
        (c) => !c.images.length && isPicture(c, content) && isDiagram(c, content),
      )
    : [];
  regions.push(...diagrams.map(toRegion));
  const inDiagram = (b: BBox) => diagrams.some((d) => intersectionArea(b, d.bbox) > 0.5 * boxArea(b));
  const rest: Part[] = [];
  for (const c of cluster(parts.filter((p) => !inDiagram(p.bbox)))) {
    if (isPicture(c, content)) {
      regions.push(toRegion(c));
      continue;
    }
    rest.push(c);
    // Pictures side by side whose images overlap (transparent margins) merge with the text column
    // between them: split at the page's column gutter and judge each side alone.
    for (const side of splitAtGutter(c, content)) {
      if (isPicture(side, content)) regions.push(toRegion(side));
    }
  }
  return joinLegends(
    regions,
    rest.flatMap((c) => legendOf(c.members ?? [c], content) ?? []),
  );
}

function toRegion(c: Part): FigureRegion {
  const region: FigureRegion = { bbox: c.bbox, images: c.images, vectors: c.vectors, curves: c.curves };
  return c.chart ? { ...region, chart: true } : region;
}

function isPicture(c: Part, content: PageContent): boolean {
  if (
    boxWidth(c.bbox) < 1.5 * MIN_SIDE ||
    boxHeight(c.bbox) < 1.5 * MIN_SIDE ||
    boxArea(c.bbox) < 1.5 * MIN_AREA
  ) {
    return false;
  }
  if (c.chart) return !isTextBox(c.bbox, content);
  if (!c.images.length) {
    if (isScreen(c.bbox, content)) return true;
    // A few shapes are a frame, a shaded box or a bullet; a drawing has many, or curves.
    if (c.vectors < 4 || (c.curves === 0 && c.vectors < 8)) return false;
    return !isTextBox(c.bbox, content) || isDiagram(c, content);
  }
  // An image behind text is its background (a shaded box, a heading banner).
  return !isTextBox(c.bbox, content) && !isTextBand(c.bbox, content);
}

/** Many curved shapes with short labels (callouts, flow charts): text inside does not make it a text box. */
function isDiagram(c: Part, content: PageContent): boolean {
  if (c.curves < 12) return false;
  const lines = new Map<number, number>();
  for (const r of content.runs) {
    if (intersectionArea([r.x0, r.y0, r.x1, r.y1], c.bbox) <= 0) continue;
    const key = Math.round(r.base);
    lines.set(key, (lines.get(key) ?? 0) + (r.x1 - r.x0));
  }
  if (!lines.size) return true;
  const mean = [...lines.values()].reduce((a, b) => a + b, 0) / lines.size;
  return mean < 0.6 * boxWidth(c.bbox);
}

/** The cluster's parts on either side of an empty vertical strip that text beside the cluster keeps. */
function splitAtGutter(c: Part, content: PageContent): Part[] {
  if (!c.images.length || !c.members || c.members.length < 2) return [];
  // The page's text columns: runs of running text, not labels and not full-width titles.
  const column = content.runs.filter((r) => r.text.trim().length >= 20 && r.x1 - r.x0 < 0.6 * content.width);
  const spans = column.map((r) => [r.x0, r.x1]).sort((a, b) => a[0] - b[0]);
  let end = c.bbox[0];
  let gutter: [number, number] | null = null;
  for (const [x0, x1] of spans) {
    if (x1 <= c.bbox[0]) continue;
    if (x0 - end >= 6 && end > c.bbox[0] + 2 * MIN_SIDE && x0 < c.bbox[2] - 2 * MIN_SIDE) {
      gutter = [end, x0];
      break;
    }
    end = Math.max(end, x1);
  }
  if (gutter === null) return [];
  const [gl, gr] = gutter;
  const g = (gl + gr) / 2;
  const left = c.members.filter((m) => (m.bbox[0] + m.bbox[2]) / 2 < g);
  const right = c.members.filter((m) => (m.bbox[0] + m.bbox[2]) / 2 >= g);
  if (!left.length || !right.length) return [];
  // Each side stops at the gutter: what reaches over it is transparent margin.
  const clipTo = (b: BBox, side: number): BBox =>
    side === 0 ? [b[0], b[1], Math.min(b[2], gl), b[3]] : [Math.max(b[0], gr), b[1], b[2], b[3]];
  return [left, right].map((members, side) => ({
    bbox: clipTo(members.map((m) => m.bbox).reduce(unionBox), side),
    images: members.flatMap((m) => m.images),
    vectors: members.reduce((n, m) => n + m.vectors, 0),
    curves: members.reduce((n, m) => n + m.curves, 0),
  }));
}

interface Part {
  bbox: BBox;
  images: PageImage[];
  vectors: number;
  curves: number;
  chart?: boolean;
  /** The parts a cluster was merged from. */
  members?: Part[];
}

function cluster(parts: Part[]): Part[] {
  const items: Part[] = parts.map((p) => ({ ...p, images: [...p.images], members: [p] }));
  let merged = true;
  while (merged) {
    merged = false;
    items.sort((a, b) => a.bbox[0] - b.bbox[0]);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if (items[j].bbox[0] - items[i].bbox[2] > MERGE_GAP) break;
        if (boxGap(items[i].bbox, items[j].bbox) > MERGE_GAP) continue;
        if (apartPhotos(items[i], items[j])) continue;
        const a = items[i];
        const b = items[j];
        a.bbox = unionBox(a.bbox, b.bbox);
        a.images.push(...b.images);
        a.vectors += b.vectors;
        a.curves += b.curves;
        a.chart = a.chart || b.chart;
        a.members!.push(...b.members!);
        items.splice(j, 1);
        j = i;
        merged = true;
      }
    }
  }
  return items;
}

/** Raster pictures at least this big (points a side) with a gap between them are pictures of their own. */
const PHOTO_SIDE = 40;
const TILE_GAP = 3;

/**
 * Two photos set side by side with a gap (sub-figures) stay two pictures; tiles of one picture touch.
 * Drawing between them still joins them (a diagram around its images).
 */
function apartPhotos(a: Part, b: Part): boolean {
  const photo = (p: Part) =>
    p.images.length > 0 &&
    p.vectors === 0 &&
    boxWidth(p.bbox) >= PHOTO_SIDE &&
    boxHeight(p.bbox) >= PHOTO_SIDE;
  return photo(a) && photo(b) && boxGap(a.bbox, b.bbox) > TILE_GAP;
}

/** Bars stacked closer than a text line, five or more: a striped logo or hatching, which rules never are. */
const STRIPE_GAP = 3;
const MIN_STRIPES = 5;

function stripes(paths: PageContent['paths']): Set<PageContent['paths'][number]> {
  const thin = paths.filter(
    (p) => p.straight && boxHeight(p.bbox) < LINE_THICKNESS_PT && boxWidth(p.bbox) >= LINE_THICKNESS_PT,
  );
  if (thin.length < MIN_STRIPES || thin.length > 3000) return new Set();
  thin.sort((a, b) => a.bbox[1] - b.bbox[1]);
  const parent = thin.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < thin.length; i++) {
    for (let j = i + 1; j < thin.length; j++) {
      const [a, b] = [thin[i].bbox, thin[j].bbox];
      if (b[1] - a[3] > STRIPE_GAP) break;
      const overlap = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
      if (overlap > 0.5 * Math.min(boxWidth(a), boxWidth(b))) parent[find(i)] = find(j);
    }
  }
  const size = new Map<number, number>();
  thin.forEach((_, i) => size.set(find(i), (size.get(find(i)) ?? 0) + 1));
  return new Set(thin.filter((_, i) => (size.get(find(i)) ?? 0) >= MIN_STRIPES));
}

function carriesText(bbox: BBox, content: PageContent): boolean {
  return content.runs.some((r) => {
    const box: BBox = [r.x0, r.y0, r.x1, r.y1];
    return /[\p{L}\p{N}]/u.test(r.text) && intersectionArea(box, bbox) > 0.8 * boxArea(box);
  });
}

/** A screen is at least this big (points) on each side. */
const MIN_SCREEN_SIDE = 100;
/** Share of its height that a screen's empty band between lines of text spans, at least. */
const SCREEN_VOID_SHARE = 0.15;
const SCREEN_VOID_LINES = 5;

/**
 * A frame around text set as a screen shows it (a terminal, a dialog): lines at its top and at its
 * bottom with an empty band between them that running text, flowing line after line, never leaves.
 */
function isScreen(bbox: BBox, content: PageContent): boolean {
  if (boxWidth(bbox) < MIN_SCREEN_SIDE || boxHeight(bbox) < MIN_SCREEN_SIDE) return false;
  const inside = content.runs.filter((r) => r.text.trim() && boxContains(bbox, [r.x0, r.y0, r.x1, r.y1]));
  if (inside.length < 2) return false;
  const size = Math.max(...inside.map((r) => r.size));
  const spans = inside.map((r) => [r.y0, r.y1]).sort((a, b) => b[1] - a[1]);
  let low = spans[0][0];
  let widest = 0;
  for (const [y0, y1] of spans.slice(1)) {
    widest = Math.max(widest, low - y1);
    low = Math.min(low, y0);
  }
  return widest >= Math.max(SCREEN_VOID_SHARE * boxHeight(bbox), SCREEN_VOID_LINES * size);
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
