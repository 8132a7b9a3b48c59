/**
 * The grey level of each pixel (`channels` bytes a pixel, red, green and blue first): Rec. 601 luma,
 * in integers. A render and a scan's decoded pictures are turned grey alike, so both give OCR the same
 * pixels.
 */
export function lumaOf(pixels: Uint8Array, channels: number): Uint8Array {
  const out = new Uint8Array(pixels.length / channels);
  for (let i = 0, o = 0; o < out.length; i += channels, o++) {
    out[o] = (pixels[i] * 299 + pixels[i + 1] * 587 + pixels[i + 2] * 114) / 1000;
  }
  return out;
}
