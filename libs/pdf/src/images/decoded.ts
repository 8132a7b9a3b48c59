import type { Sharp } from 'sharp';
import { PdfPage } from '../pdfjs.js';

/** An image as pdf.js decodes it for painting (`kind`: 1 one bit a pixel, 2 RGB, 3 RGBA). */
interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
  interpolate?: boolean;
}

/** An image's pixels, row by row, `channels` bytes each. */
export interface RawImage {
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  /** The PDF asks for the image to be smoothed when enlarged (`/Interpolate`). */
  interpolate?: boolean;
}

/** pdf.js decodes images after the operator list is done; a picture that never arrives is rendered instead. */
const DECODE_WAIT_MS = 5000;

function resolvedObject(store: PdfPage['objs'], objId: string): Promise<unknown> {
  if (store.has(objId)) return Promise.resolve(store.get(objId));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), DECODE_WAIT_MS);
    store.get(objId, (data: unknown) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

/** The pixels pdf.js decoded for the image `objId` of a page whose operator list was read, or null. */
export async function decodedImage(page: PdfPage, objId: string): Promise<RawImage | null> {
  // Images shared across pages live in commonObjs; asking page.objs for them never resolves.
  const store = objId.startsWith('g_') ? page.commonObjs : page.objs;
  const img = (await resolvedObject(store, objId)) as DecodedImage | null;
  if (!img?.data || !img.width || !img.height) return null;
  const { width, height } = img;
  const interpolate = Boolean(img.interpolate);
  if (img.kind === 1) {
    return { pixels: unpackBits(img.data, width, height), width, height, channels: 1, interpolate };
  }
  if (img.kind !== 2 && img.kind !== 3) return null;
  const channels = img.kind === 2 ? 3 : 4;
  const pixels = new Uint8Array(img.data.buffer, img.data.byteOffset, width * height * channels);
  return { pixels, width, height, channels, interpolate };
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

let sharpModule: Promise<typeof import('sharp').default> | undefined;

/** sharp (libvips) is loaded on first use: a document without pictures or scans never pays for it. */
export function loadSharp(): Promise<typeof import('sharp').default> {
  sharpModule ??= import('sharp').then((module) => module.default);
  return sharpModule;
}

/** A sharp pipeline reading `raw`, refusing more than `maxPixels` input pixels. */
export async function toSharp(raw: RawImage, maxPixels?: number): Promise<Sharp> {
  const { pixels, width, height, channels } = raw;
  const sharp = await loadSharp();
  return sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), {
    raw: { width, height, channels },
    limitInputPixels: maxPixels ?? true,
  });
}
