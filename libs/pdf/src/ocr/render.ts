import { BBox } from '../types.js';
import { PdfDocument, PdfPage } from '../pdfjs.js';

/** Tesseract reads body text best at about 300 dpi. */
const OCR_DPI = 300;
/** A render stays below this many pixels (a letter page at 300 dpi is 8.4 million). */
const MAX_OCR_PIXELS = 12_000_000;

export interface PageImageForOcr {
  /** Binary PGM (8-bit grey): both engines read it, and it needs no encoding. */
  pgm: Uint8Array;
  /** The same pixels without the PGM header, row by row. */
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

interface Canvas2D {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}

/** The whole displayed page (rotation applied) rendered grey at a resolution fit for recognition. */
export async function renderForOcr(
  doc: PdfDocument,
  page: PdfPage,
  maxImagePixels?: number,
): Promise<PageImageForOcr> {
  const unit = page.getViewport({ scale: 1 });
  const budget = Math.min(MAX_OCR_PIXELS, maxImagePixels ?? Infinity);
  const scale = Math.min(OCR_DPI / 72, Math.sqrt(budget / (unit.width * unit.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const factory = doc.canvasFactory as {
    create(w: number, h: number): { canvas: unknown; context: unknown };
    destroy(target: unknown): void;
  };
  const target = factory.create(width, height);
  try {
    const ctx = target.context as Canvas2D;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const params = { canvas: target.canvas, canvasContext: ctx, viewport } as unknown as Parameters<
      PdfPage['render']
    >[0];
    await page.render(params).promise;
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const pgm = toPgm(rgba, width, height);
    const gray = pgm.subarray(pgm.length - width * height);
    return { pgm, gray, width, height, scale, dpi: Math.round(scale * 72) };
  } finally {
    factory.destroy(target);
  }
}

/** Binary PGM of grey pixels, row by row. */
export function pgmOf(gray: Uint8Array, width: number, height: number): Uint8Array {
  const header = pgmHeader(width, height);
  const out = new Uint8Array(header.length + gray.length);
  out.set(header, 0);
  out.set(gray, header.length);
  return out;
}

function pgmHeader(width: number, height: number): Uint8Array {
  return Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii');
}

function toPgm(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array {
  const header = pgmHeader(width, height);
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  for (let i = 0, o = header.length; i < rgba.length; i += 4, o++) {
    // Rec. 601 luma, in integers.
    out[o] = (rgba[i] * 299 + rgba[i + 1] * 587 + rgba[i + 2] * 114) / 1000;
  }
  return out;
}
