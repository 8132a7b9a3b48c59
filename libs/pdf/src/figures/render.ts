import type { OverlayOptions } from 'sharp';
import { BBox } from '../types.js';
import { PageContent } from '../model.js';
import { intersectionArea } from '../geometry.js';
import { PdfDocument, PdfPage } from '../pdfjs.js';
import { decodedImage, loadSharp, RawImage, toSharp } from '../images/decoded.js';
import { FigureRegion } from './detect.js';

/** Region renders stay below this many pixels whatever the page size. */
const MAX_RENDER_PIXELS = 4_000_000;
const RENDER_SCALE = 2;

/**
 * Where the operators of the page's render list paint, so a region render can skip what cannot show
 * in the region (see `PageContent.textBands` and `imageBoxes`).
 */
export type RenderHints = Pick<PageContent, 'textBands' | 'imageBoxes'>;

/** PNG bytes of a figure: the decoded image when it is one picture, else a render of its region. */
export async function figurePng(
  doc: PdfDocument,
  page: PdfPage,
  region: FigureRegion,
  maxImagePixels?: number,
  hints: RenderHints = {},
): Promise<Uint8Array | null> {
  try {
    const only = region.images.length === 1 && region.vectors === 0 ? region.images[0] : undefined;
    if (only?.objId) {
      const png = await decodedImagePng(page, only.objId, region.bbox, maxImagePixels);
      if (png) return png;
    }
    // Pictures made of several images (tiles, overlays) are laid out from the decoded images: a render
    // would parse and decode the whole page again.
    if (region.vectors === 0 && region.images.length > 1 && region.images.length <= MAX_COMPOSED) {
      const png = await composedImagesPng(page, region, maxImagePixels);
      if (png) return png;
    }
    return await renderRegion(doc, page, region.bbox, maxImagePixels, hints);
  } catch {
    return null; // an undecodable picture is skipped, never fatal
  }
}

/** Pixels per point kept from a picture: about 300 dpi, more than any screen or print needs. */
const MAX_PIXELS_PER_POINT = 4;
/** Light zlib compression: files a little larger, encoded several times faster than the default. */
const PNG_OPTIONS = { compressionLevel: 3 } as const;

async function decodedImagePng(
  page: PdfPage,
  objId: string,
  bbox: BBox,
  maxPixels?: number,
): Promise<Uint8Array | null> {
  const raw = await decodedImage(page, objId);
  if (!raw) return null;
  let image = await toSharp(raw, maxPixels);
  // A huge scan shown small on the page is kept at print resolution: encoding every pixel is slow.
  const maxWidth = Math.ceil(MAX_PIXELS_PER_POINT * (bbox[2] - bbox[0]));
  const maxHeight = Math.ceil(MAX_PIXELS_PER_POINT * (bbox[3] - bbox[1]));
  if (raw.width > maxWidth && raw.height > maxHeight) {
    image = image.resize(maxWidth, maxHeight, { fit: 'inside' });
  }
  return new Uint8Array(await image.png(PNG_OPTIONS).toBuffer());
}

const MAX_COMPOSED = 16;

/** The region's images, each scaled into its box on a white sheet, in painting order. */
async function composedImagesPng(
  page: PdfPage,
  region: FigureRegion,
  maxPixels?: number,
): Promise<Uint8Array | null> {
  const [x0, y0, x1, y1] = region.bbox;
  const inRegion = (b: BBox) => b[0] >= x0 - 1 && b[1] >= y0 - 1 && b[2] <= x1 + 1 && b[3] <= y1 + 1;
  if (!region.images.every((im) => im.objId && im.upright && inRegion(im.bbox))) return null;
  const raws: RawImage[] = [];
  for (const im of region.images) {
    const raw = await decodedImage(page, im.objId!);
    if (!raw) return null;
    raws.push(raw);
  }
  // As sharp as the sharpest image, within the per-point and total pixel caps.
  const density = Math.max(
    1,
    ...region.images.map((im, i) =>
      Math.min(raws[i].width / Math.max(1, im.bbox[2] - im.bbox[0]), MAX_PIXELS_PER_POINT),
    ),
  );
  const budget = Math.min(MAX_RENDER_PIXELS, maxPixels ?? Infinity);
  const scale = Math.min(density, Math.sqrt(budget / ((x1 - x0) * (y1 - y0))));
  const width = Math.max(1, Math.round((x1 - x0) * scale));
  const height = Math.max(1, Math.round((y1 - y0) * scale));
  const layers: OverlayOptions[] = [];
  for (const [i, im] of region.images.entries()) {
    const left = Math.max(0, Math.round((im.bbox[0] - x0) * scale));
    const top = Math.max(0, Math.round((y1 - im.bbox[3]) * scale));
    const w = Math.min(width - left, Math.max(1, Math.round((im.bbox[2] - im.bbox[0]) * scale)));
    const h = Math.min(height - top, Math.max(1, Math.round((im.bbox[3] - im.bbox[1]) * scale)));
    if (w < 1 || h < 1) continue;
    const image = await toSharp(raws[i], maxPixels);
    const { data, info } = await image
      .resize(w, h, { fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    layers.push({
      input: data,
      raw: { width: info.width, height: info.height, channels: info.channels },
      left,
      top,
    });
  }
  const sharp = await loadSharp();
  const png = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite(layers)
    .png(PNG_OPTIONS)
    .toBuffer();
  return new Uint8Array(png);
}

async function renderRegion(
  doc: PdfDocument,
  page: PdfPage,
  bbox: BBox,
  maxPixels?: number,
  hints: RenderHints = {},
): Promise<Uint8Array | null> {
  const w = bbox[2] - bbox[0];
  const h = bbox[3] - bbox[1];
  if (!(w > 0 && h > 0)) return null;
  const budget = Math.min(MAX_RENDER_PIXELS, maxPixels ?? Infinity);
  const scale = Math.min(RENDER_SCALE, Math.sqrt(budget / (w * h)));
  const width = Math.max(1, Math.floor(w * scale));
  const height = Math.max(1, Math.floor(h * scale));
  const [, vy0, , vy1] = page.view;
  const pageHeight = vy1 - vy0;
  const viewport = page.getViewport({
    scale,
    offsetX: -bbox[0] * scale,
    offsetY: -(pageHeight - bbox[3]) * scale,
  });
  const factory = doc.canvasFactory as {
    create(
      w: number,
      h: number,
    ): {
      canvas: { toBuffer(mime: string): Buffer; encode?(format: 'png'): Promise<Buffer> };
      context: unknown;
    };
    destroy(c: unknown): void;
  };
  const target = factory.create(width, height);
  try {
    const ctx = target.context as {
      fillStyle: string;
      fillRect(x: number, y: number, w: number, h: number): void;
    };
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const operationsFilter = showsIn(bbox, hints);
    const params = {
      canvas: target.canvas,
      canvasContext: ctx,
      viewport,
      operationsFilter,
    } as unknown as Parameters<PdfPage['render']>[0];
    await page.render(params).promise;
    // Encoding off the main thread lets the next page be parsed meanwhile.
    const canvas = target.canvas;
    return new Uint8Array(canvas.encode ? await canvas.encode('png') : canvas.toBuffer('image/png'));
  } finally {
    factory.destroy(target);
  }
}

/**
 * Which operators of the render list a render of `bbox` must run. Text lines far above or below it
 * and images beside it cannot show in it: drawing their glyphs and pixels is wasted (a page's other
 * pictures are most of a region render's cost).
 */
export function showsIn(bbox: BBox, { textBands, imageBoxes }: RenderHints): (op: number) => boolean {
  return (op) => {
    const band = textBands?.get(op);
    if (band) return band[1] >= bbox[1] && band[0] <= bbox[3];
    const boxes = imageBoxes?.get(op);
    return !boxes || boxes.some((b) => intersectionArea(b, bbox) > 0);
  };
}
