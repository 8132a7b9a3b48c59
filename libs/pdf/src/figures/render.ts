import sharp from 'sharp';
import { BBox } from '../types.js';
import { PdfDocument, PdfPage } from '../pdfjs.js';
import { FigureRegion } from './detect.js';

/** Region renders stay below this many pixels whatever the page size. */
const MAX_RENDER_PIXELS = 4_000_000;
const RENDER_SCALE = 2;

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** PNG bytes of a figure: the decoded image when it is one picture, else a render of its region. */
export async function figurePng(
  doc: PdfDocument,
  page: PdfPage,
  region: FigureRegion,
  maxImagePixels?: number,
): Promise<Uint8Array | null> {
  try {
    const only = region.images.length === 1 && region.vectors === 0 ? region.images[0] : undefined;
    if (only?.objId) {
      const png = await decodedImagePng(page, only.objId, maxImagePixels);
      if (png) return png;
    }
    return await renderRegion(doc, page, region.bbox, maxImagePixels);
  } catch {
    return null; // an undecodable picture is skipped, never fatal
  }
}

async function decodedImagePng(page: PdfPage, objId: string, maxPixels?: number): Promise<Uint8Array | null> {
  // Images shared across pages live in commonObjs; asking page.objs for them never resolves.
  const store = objId.startsWith('g_') ? page.commonObjs : page.objs;
  if (!store.has(objId)) return null;
  const img = store.get(objId) as DecodedImage | null;
  if (!img?.data || !img.width || !img.height) return null;
  const { width, height } = img;
  let channels: 1 | 3 | 4;
  let pixels: Uint8Array;
  if (img.kind === 1) {
    pixels = unpackBits(img.data, width, height);
    channels = 1;
  } else if (img.kind === 2 || img.kind === 3) {
    channels = img.kind === 2 ? 3 : 4;
    pixels = new Uint8Array(img.data.buffer, img.data.byteOffset, width * height * channels);
  } else return null;
  const png = await sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), {
    raw: { width, height, channels },
    limitInputPixels: maxPixels ?? true,
  })
    .png()
    .toBuffer();
  return new Uint8Array(png);
}

/** pdf.js 1-bit images: rows padded to whole bytes, a set bit is white. */
function unpackBits(data: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const rowBytes = Math.ceil(width / 8);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = (data[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1;
      out[y * width + x] = bit ? 255 : 0;
    }
  }
  return out;
}

async function renderRegion(
  doc: PdfDocument,
  page: PdfPage,
  bbox: BBox,
  maxPixels?: number,
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
    create(w: number, h: number): { canvas: { toBuffer(mime: string): Buffer }; context: unknown };
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
    const params = { canvas: target.canvas, canvasContext: ctx, viewport } as unknown as Parameters<
      PdfPage['render']
    >[0];
    await page.render(params).promise;
    return new Uint8Array(target.canvas.toBuffer('image/png'));
  } finally {
    factory.destroy(target);
  }
}
