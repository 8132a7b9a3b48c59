import { captionKind, isCaptionLabel } from '../classify/captions.js';
import { PagePath } from '../model.js';
import { closedFrames } from '../tables/frames.js';
import { findRules } from '../tables/rules.js';
import { BBox } from '../types.js';
import { OcrLine } from './hocr.js';
import { pageBoxOf } from './render.js';

/** Rules of a scan within this distance (points) meet: pixel rules end a point or two apart. */
const MEET_PT = 3;
/** A figure's frame is at least this wide and high (points): smaller boxes are checkboxes, keys. */
const MIN_SIDE_PT = 48;
/** A caption is set within this many of its font sizes of its figure's frame, above or below. */
const CAPTION_REACH = 2;
/** A listing's or an example's frame holds code or text to read, not a picture. */
const CODE_LABEL = /^(listing|example)/i;
/** A caption's label stands apart from its text by at least this many of the line's word spaces. */
const LABEL_SPACES = 2;

/**
 * The frames on a scanned page that are figures: a closed frame of rules with a figure's caption
 * ("Figure 3-1 ...") set just below or above it. A screenshot, a syntax diagram or a drawing of
 * labelled boxes is one image on a born-digital page, but on a scan it is text and rules like any
 * other, and its words would be read as body text or its lines as a table; its frame and caption are
 * what still say it is a picture. A table's caption ("Table 2-1") leaves its frame a table.
 */
export function captionedFrames(
  rules: PagePath[],
  lines: OcrLine[],
  scale: number,
  pageHeight: number,
): BBox[] {
  const frames = closedFrames(findRules(rules), MEET_PT).filter(
    ([x0, y0, x1, y1]) => x1 - x0 >= MIN_SIDE_PT && y1 - y0 >= MIN_SIDE_PT,
  );
  const captions = lines
    .filter(isFigureCaption)
    .map((line) => ({ box: pageBoxOf(line.box, scale, pageHeight), size: line.fontSize / scale }));
  const figures = new Set<BBox>();
  for (const { box: c, size } of captions) {
    const reach = CAPTION_REACH * size;
    // The frame whose bottom or top edge is nearest the caption, the caption starting over it.
    let nearest: { frame: BBox; gap: number } | undefined;
    for (const f of frames) {
      if (c[0] < f[0] - reach || c[0] >= f[2]) continue;
      const gap = c[3] <= f[1] + MEET_PT ? f[1] - c[3] : c[1] >= f[3] - MEET_PT ? c[1] - f[3] : Infinity;
      if (gap <= reach && (!nearest || gap < nearest.gap)) nearest = { frame: f, gap };
    }
    if (nearest) figures.add(nearest.frame);
  }
  return [...figures];
}

/**
 * A line that is a figure's caption, not a sentence about the figure ("Figure 3-5 shows..."): its
 * label ends in a stop or colon, or stands alone, or stands apart from the words after it by a wider
 * space than the line's others.
 */
function isFigureCaption({ words }: OcrLine): boolean {
  const texts = words.map((w) => w.text);
  if (captionKind(texts.join(' ')) !== 'figure' || CODE_LABEL.test(texts[0])) return false;
  const labelWords = texts.findIndex((_, i) => isCaptionLabel(texts.slice(0, i + 1).join(' '))) + 1;
  if (!labelWords) return false;
  if (labelWords === words.length || /[.:\-–]$/.test(texts[labelWords - 1])) return true;
  const gaps = words.slice(1).map((w, i) => w.box[0] - words[i].box[2]);
  const after = gaps[labelWords - 1];
  const others = gaps.filter((_, i) => i !== labelWords - 1).sort((a, b) => a - b);
  return others.length > 0 && after >= LABEL_SPACES * others[Math.floor(others.length / 2)];
}
