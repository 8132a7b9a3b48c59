import { BBox } from '../types.js';
import { FigureRegion, PageContent, TextRun, bodySizeOf } from '../model.js';
import {
  SAME_LINE_LABEL_PT,
  boxContains,
  boxHeight,
  boxWidth,
  centreInside,
  runBox,
  sameBaseline,
  unionBox,
} from '../geometry.js';
import { captionKind } from '../classify/captions.js';

/** A label is a few words at most: tick values, category names, a legend entry, an axis title. */
const MAX_LABEL_CHARS = 28;
const MAX_LABEL_WORDS = 4;
/** Page bands where running headers, footers and page numbers live, never a chart's labels. */
const MARGIN_SHARE = 0.06;

/**
 * Grows drawn figures (charts, diagrams) over the short labels set just outside their strokes: axis
 * values, category names, legends. Without them the rendered picture loses its scale and the labels
 * spill into the text as lines of stray numbers. Raster pictures carry their labels in their pixels.
 */
export function withLabels(regions: FigureRegion[], content: PageContent): FigureRegion[] {
  return regions.map((region) => (region.vectors > 0 ? grow(region, content, regions) : region));
}

function grow(region: FigureRegion, content: PageContent, all: FigureRegion[]): FigureRegion {
  const body = bodySizeOf(content.runs);
  const include = (box: BBox, runs: TextRun[]) =>
    runs.reduce<BBox>((b, run) => unionBox(b, [run.x0, run.y0, run.x1, run.y1]), box);
  // Text centred inside the drawing leaves the text flow for the picture, so the picture shows it whole.
  let bbox = include(
    region.bbox,
    content.runs.filter((run) => centreInside(run, region.bbox) && !boxContains(region.bbox, runBox(run))),
  );
  // Labels of the drawings beside this one are theirs: a shared baseline does not make one line.
  const others = all.filter((other) => other !== region).map((other) => other.bbox);
  // Labels stand a little way off the axes; a title or legend may stand beyond the values: twice.
  for (let pass = 0; pass < 2; pass++) {
    // At least a label line and a half off: values set in the body size stand that far from their axis.
    const reach = Math.min(40, Math.max(12, 1.5 * body, 0.15 * Math.min(boxWidth(bbox), boxHeight(bbox))));
    const halo: BBox = [bbox[0] - reach, bbox[1] - reach, bbox[2] + reach, bbox[3] + reach];
    const labels = content.runs.filter(
      (run) =>
        !centreInside(run, bbox) &&
        boxContains(halo, runBox(run)) &&
        // Above a drawing stands its heading or the text before it; labels sit beside and below.
        run.y0 < bbox[3] &&
        // Headings are bigger or bold; labels are set no larger than the text.
        run.size <= body + 0.5 &&
        !run.bold &&
        isLabel(run) &&
        !inMargins(run, content) &&
        lineIsLabels(run, content, bbox, others) &&
        !all.some((other) => other !== region && centreInside(run, other.bbox)),
    );
    if (!labels.length) break;
    bbox = include(bbox, labels);
  }
  bbox = include(bbox, titleOf(bbox, content, all, region));
  return bbox === region.bbox ? region : { ...region, bbox };
}

function isLabel(run: TextRun): boolean {
  const text = run.text.trim();
  if (!text) return false;
  // A row of axis values may come as one run: numbers only, however many.
  if (NUMBERS.test(text)) return text.length <= 80;
  return (
    text.length <= MAX_LABEL_CHARS &&
    text.split(/\s+/).length <= MAX_LABEL_WORDS &&
    captionKind(text) === null
  );
}

const NUMBERS = /^[-+−–]?\d[\d\s.,:%+−–-]*$/;

/** Every run on the run's line near the figure is label-sized: a line of running text is not. */
function lineIsLabels(run: TextRun, content: PageContent, bbox: BBox, others: BBox[]): boolean {
  const width = boxWidth(bbox);
  const under = (r: TextRun, b: BBox) => (r.x0 + r.x1) / 2 >= b[0] && (r.x0 + r.x1) / 2 <= b[2];
  const line = content.runs.filter(
    (other) =>
      sameBaseline(other, run, SAME_LINE_LABEL_PT) &&
      other.x1 > bbox[0] - width &&
      other.x0 < bbox[2] + width &&
      !others.some((b) => under(other, b) && !under(other, bbox)),
  );
  const span = Math.max(...line.map((r) => r.x1)) - Math.min(...line.map((r) => r.x0));
  return line.every(isLabel) && span <= 1.2 * width + 2 * MAX_LABEL_CHARS;
}

function inMargins(run: TextRun, content: PageContent): boolean {
  const band = MARGIN_SHARE * content.height;
  return run.y1 < band || run.y0 > content.height - band;
}

/** Lines a chart's own title may take, set right above it. */
const MAX_TITLE_LINES = 2;

/**
 * A chart's title: up to two short lines right above it, each centred on it and narrower than it.
 * A heading of the text above stands at the column's edge, not centred on a drawing.
 */
function titleOf(bbox: BBox, content: PageContent, all: FigureRegion[], region: FigureRegion): TextRun[] {
  const width = boxWidth(bbox);
  const centre = (bbox[0] + bbox[2]) / 2;
  const title: TextRun[] = [];
  let top = bbox[3];
  for (let n = 0; n < MAX_TITLE_LINES; n++) {
    const line = content.runs.filter(
      (r) => r.y0 >= top - 1 && r.y0 - top <= 0.8 * r.size && r.x0 >= bbox[0] && r.x1 <= bbox[2],
    );
    if (!line.length) break;
    const x0 = Math.min(...line.map((r) => r.x0));
    const x1 = Math.max(...line.map((r) => r.x1));
    const text = line.map((r) => r.text).join(' ');
    const centred = Math.abs((x0 + x1) / 2 - centre) <= 0.1 * width && x1 - x0 < 0.8 * width;
    if (!centred || text.length > 60 || captionKind(text.trim()) !== null || inMargins(line[0], content))
      break;
    if (all.some((other) => other !== region && line.some((r) => centreInside(r, other.bbox)))) break;
    title.push(...line);
    top = Math.max(...line.map((r) => r.y1));
  }
  return title;
}
