import { plotFrames } from '../figures/axes.js';
import { PagePath, TextRun } from '../model.js';
import { BBox } from '../types.js';
import { PICTURE_INK } from './pictures.js';
import { GrayImage, imageBoxOf } from './render.js';

/** The frame's edges (points) are its axes: the plot is what lies inside them. */
const AXIS_INSET_PT = 3;
/**
 * Ink (as pictures count it, `PICTURE_INK`) over this share of a frame's inside, words left out, is
 * something plotted: a single line across a chart's frame inks a few tenths of a percent of it, an
 * empty box none.
 */
const MIN_PLOTTED_SHARE = 0.002;

/**
 * What a scanned chart plots, as one drawn path per chart: a scan's rules (`rulesFromPixels`) give a
 * chart's axes and its words the tick values, but the line, markers or bars it plots are pixels, not
 * paths, so the figure stage could not tell the chart from an empty frame. Each frame of axes with ink
 * inside it gets a curved path over that ink, and the page's chart is then found as on a born-digital
 * page (its frame's rules are the chart's, not a table's).
 */
export function plottedOnScan(
  image: GrayImage,
  scale: number,
  pageHeight: number,
  rules: PagePath[],
  runs: TextRun[],
): PagePath[] {
  const toPixels = (box: BBox): BBox => {
    const [x0, y0, x1, y1] = imageBoxOf(box, scale, pageHeight);
    return [
      Math.max(0, Math.floor(x0)),
      Math.max(0, Math.floor(y0)),
      Math.min(image.width, Math.ceil(x1)),
      Math.min(image.height, Math.ceil(y1)),
    ];
  };
  const words = runs.map((r) => toPixels([r.x0, r.y0, r.x1, r.y1]));
  const inset = AXIS_INSET_PT * scale;
  const plotted = (bbox: BBox) => {
    const [x0, y0, x1, y1] = toPixels(bbox);
    const [px0, py0, px1, py1] = [x0 + inset, y0 + inset, x1 - inset, y1 - inset];
    if (px1 <= px0 || py1 <= py0) return false;
    const inside = words.filter((w) => w[0] < px1 && w[2] > px0 && w[1] < py1 && w[3] > py0);
    let ink = 0;
    for (let y = Math.floor(py0); y < py1; y++) {
      const line = y * image.width;
      for (let x = Math.floor(px0); x < px1; x++) {
        if (image.gray[line + x] >= PICTURE_INK) continue;
        if (inside.some((w) => x >= w[0] && x < w[2] && y >= w[1] && y < w[3])) continue;
        ink++;
      }
    }
    return ink >= MIN_PLOTTED_SHARE * (px1 - px0) * (py1 - py0);
  };
  return plotFrames(rules, runs, plotted).map(({ bbox: [x0, y0, x1, y1] }) => ({
    bbox: [x0 + AXIS_INSET_PT, y0 + AXIS_INSET_PT, x1 - AXIS_INSET_PT, y1 - AXIS_INSET_PT],
    stroked: true,
    filled: false,
    straight: false,
  }));
}
