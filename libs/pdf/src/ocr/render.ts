import { BBox } from '../types.js';
import { PageContent } from '../model.js';
import { PdfDocument, PdfPage } from '../pdfjs.js';
import { lumaOf } from './luma.js';
import { pageOfImages } from './page-of-images.js';

/** Tesseract reads body text best at about 300 dpi. */
const OCR_DPI = 300;
/** A render stays below this many pixels (a letter page at 300 dpi is 8.4 million). */
const MAX_OCR_PIXELS = 12_000_000;

export interface PageImageForOcr {
  /** 8-bit grey pixels, row by row. */
  gray: Uint8Array;
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
  dpi: number;
}

/**
 * Grey levels below this are dark: ink, or a fill's shade (the pixel rules of tables take a lighter
 * limit, for light grey grid lines).
 */
export const DARK_GRAY = 128;

/** A page image's pixels, as the stages reading marks Tesseract misreads (leaders, bullets) take it. */
export type GrayImage = Pick<PageImageForOcr, 'gray' | 'width' | 'height'>;

/** A box in page points (y up) as the same box on the page's image (`scale` pixels a point, y down). */
export function imageBoxOf([x0, y0, x1, y1]: BBox, scale: number, pageHeight: number): BBox {
  return [x0 * scale, (pageHeight - y1) * scale, x1 * scale, (pageHeight - y0) * scale];
}

/** A box on the page's image (pixels, y down) as the same box in page points (y up). */
export function pageBoxOf([x0, y0, x1, y1]: BBox, scale: number, pageHeight: number): BBox {
  return [x0 / scale, pageHeight - y1 / scale, x1 / scale, pageHeight - y0 / scale];
}

/** The canvas the document's canvas factory makes (@napi-rs/canvas): `data()` copies its RGBA pixels out. */
interface PixelCanvas {
  data(): Uint8Array;
}

/**
 * The whole displayed page (rotation applied) in grey at a resolution fit for recognition: laid out
 * from its decoded images when it is only pictures (`content` tells), else rendered by pdf.js.
 */
export async function renderForOcr(
  doc: PdfDocument,
  page: PdfPage,
  { content, maxImagePixels }: { content?: PageContent; maxImagePixels?: number } = {},
): Promise<PageImageForOcr> {
  const unit = page.getViewport({ scale: 1 });
  const budget = Math.min(MAX_OCR_PIXELS, maxImagePixels ?? Infinity);
  const scale = Math.min(OCR_DPI / 72, Math.sqrt(budget / (unit.width * unit.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const dpi = Math.round(scale * 72);
  const pictures = content && (await pageOfImages(page, content, { width, height, scale }));
  if (pictures) return { gray: pictures, width, height, scale, dpi };
  const factory = doc.canvasFactory as {
    create(w: number, h: number): { canvas: unknown; context: unknown };
    destroy(target: unknown): void;
  };
  const target = factory.create(width, height);
  try {
    // The factory's context only: given the canvas, pdf.js asks it for an opaque context, which
    // makes the canvas's pixels anew (a tenth of a second at 300 dpi). pdf.js paints the page white
    // first, so the pixels are opaque all the same.
    const params = { canvasContext: target.context, viewport } as unknown as Parameters<PdfPage['render']>[0];
    await page.render(params).promise;
    // A straight copy of the pixels: getImageData takes fifty times as long on a 300-dpi page.
    const rgba = (target.canvas as PixelCanvas).data();
    return { gray: lumaOf(rgba, 4), width, height, scale, dpi };
  } finally {
    factory.destroy(target);
  }
}
