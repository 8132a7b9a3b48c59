import { pageAnnotations } from '../extract/annotations.js';
import { PageContent } from '../model.js';
import { decodedImage, RawImage, toSharp } from '../images/decoded.js';
import { PdfPage } from '../pdfjs.js';
import { lumaOf } from './luma.js';

/** More images than this (a page tiled in strips, say) are rendered by pdf.js instead. */
const MAX_IMAGES = 16;
/** How far from a whole pixel an image's edge may fall (rounding of points times scale). */
const WHOLE_PIXEL = 1e-3;
/** Annotations that draw nothing on the page. */
const INVISIBLE_ANNOTATIONS = new Set(['Link', 'Popup']);

/** Where a page's image pixels go on the page image for OCR. */
export interface OcrCanvas {
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
}

/**
 * The grey page image of a page that is nothing but upright opaque pictures (a scan, as scanners and
 * `img2pdf` make them), laid out from the images pdf.js already decoded: the pixels a pdf.js render
 * gives, in a quarter of its time at 300 dpi (where the canvas is painted, flushed and copied in
 * colour). Null when the page has anything else to draw (text, even invisible; vectors, annotations,
 * turned or translucent images) or its images fall between pixels or are resampled (a 200-dpi scan
 * read at 300): such a page is rendered.
 */
export async function pageOfImages(
  page: PdfPage,
  content: PageContent,
  { width, height, scale }: OcrCanvas,
): Promise<Uint8Array | null> {
  const { images } = content;
  if (content.runs.length || content.verticalRuns?.length || content.paths.length) return null;
  if (!images.length || images.length > MAX_IMAGES || !images.every((im) => im.objId && im.upright))
    return null;
  const annotations = await pageAnnotations(page);
  if (!annotations || annotations.some((a) => !INVISIBLE_ANNOTATIONS.has(a.subtype ?? ''))) return null;
  const gray = new Uint8Array(width * height).fill(255);
  for (const image of images) {
    // Page points (y up) to pixels (y down); an image between pixels is left to pdf.js.
    const [bx0, by0, bx1, by1] = image.bbox;
    const edges = [bx0 * scale, (content.height - by1) * scale, bx1 * scale, (content.height - by0) * scale];
    if (edges.some((e) => Math.abs(e - Math.round(e)) > WHOLE_PIXEL)) return null;
    const [x0, y0, x1, y1] = edges.map(Math.round);
    const w = x1 - x0;
    const h = y1 - y0;
    if (w < 1 || h < 1 || x1 <= 0 || y1 <= 0 || x0 >= width || y0 >= height) continue;
    const raw = await decodedImage(page, image.objId!);
    const grey = raw && opaqueGray(raw);
    const scaled = grey && (await enlarged(grey, w, h));
    if (!scaled) return null;
    // Rows clipped to the page, in painting order: a later image covers an earlier one.
    const left = Math.max(0, x0);
    const right = Math.min(width, x1);
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      const from = (y - y0) * w + (left - x0);
      gray.set(scaled.subarray(from, from + right - left), y * width + left);
    }
  }
  return gray;
}

/**
 * The image enlarged a whole number of times with square pixels, as pdf.js paints an image enlarged
 * more than 4/3 that does not ask to be smoothed (`/Interpolate`): the same pixels its render gives.
 * Null for any other scale, where pdf.js resamples or smooths: such a page is rendered.
 */
async function enlarged(grey: RawImage, w: number, h: number): Promise<Uint8Array | null> {
  if (w === grey.width && h === grey.height) return grey.pixels;
  if (grey.interpolate || w % grey.width || h % grey.height) return null;
  const image = (await toSharp(grey)).resize(w, h, { fit: 'fill', kernel: 'nearest' });
  // One band out, as in: libvips would otherwise hand back sRGB.
  return image.toColourspace('b-w').raw().toBuffer();
}

/** One grey byte a pixel, turned grey as a render is, or null for a translucent image. */
function opaqueGray(raw: RawImage): RawImage | null {
  const { pixels, width, height, channels } = raw;
  if (channels === 1) return raw;
  if (channels === 4) {
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 255) return null;
  }
  return { pixels: lumaOf(pixels, channels), width, height, channels: 1, interpolate: raw.interpolate };
}
