/** Page images as the files the recognisers read: 8-bit grey, so neither needs colour or compression. */

/** Binary PGM, row by row: tesseract.js reads it fastest (it is slow on BMP). */
export function pgmOf(gray: Uint8Array, width: number, height: number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii');
  const out = new Uint8Array(header.length + gray.length);
  out.set(header, 0);
  out.set(gray, header.length);
  return out;
}

const BMP_HEADER = 14 + 40;
const GREY_PALETTE = 256 * 4;
const INCHES_PER_METRE = 1 / 0.0254;

/**
 * An 8-bit BMP with a grey palette, rows bottom-up and padded to four bytes as the format has them,
 * stating its resolution (Tesseract takes it from there). The native engine reads it faster than PGM
 * (Leptonica reads PNM a pixel at a time).
 */
export function bmpOf(gray: Uint8Array, width: number, height: number, dpi: number): Uint8Array {
  const stride = (width + 3) & ~3;
  const offset = BMP_HEADER + GREY_PALETTE;
  const out = Buffer.alloc(offset + stride * height);
  out.write('BM', 0, 'ascii');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(40, 14); // BITMAPINFOHEADER
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26); // planes
  out.writeUInt16LE(8, 28); // bits per pixel
  out.writeUInt32LE(stride * height, 34);
  const perMetre = Math.round(dpi * INCHES_PER_METRE);
  out.writeInt32LE(perMetre, 38);
  out.writeInt32LE(perMetre, 42);
  out.writeUInt32LE(256, 46);
  for (let level = 0; level < 256; level++)
    out.fill(level, BMP_HEADER + level * 4, BMP_HEADER + level * 4 + 3);
  for (let y = 0; y < height; y++) {
    out.set(gray.subarray(y * width, (y + 1) * width), offset + (height - 1 - y) * stride);
  }
  return out;
}
