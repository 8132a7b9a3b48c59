import type { GrayImage } from '../ocr/render.js';

/** Whether a shape inks the pixel at (x, y). */
export type Paint = (x: number, y: number) => boolean;

/** A white grey image with shapes painted black: a scan's pixels drawn by hand. */
export function paintedImage(width: number, height: number, ...shapes: Paint[]): GrayImage {
  const gray = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (shapes.some((inked) => inked(x, y))) gray[y * width + x] = 0;
  }
  return { gray, width, height };
}

export const disc =
  (cx: number, cy: number, r: number): Paint =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= (r + 0.5) ** 2;

/** A ring 3 pixels wide: a letter's open stroke, or a hollow bullet. */
export const ring =
  (cx: number, cy: number, r: number): Paint =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= r && d >= r - 3;
  };

export const rect =
  (x0: number, y0: number, x1: number, y1: number): Paint =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
