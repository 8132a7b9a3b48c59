import { describe, expect, it } from '@jest/globals';
import { clearDarkFills } from './dark-fills.js';
import { GrayImage } from './render.js';

/** Pixels per point: a page rendered at 300 dpi. */
const SCALE = 300 / 72;
const pt = (points: number) => Math.round(points * SCALE);

/** A white page `w` x `h` points with boxes painted on it, later ones over earlier ones. */
function page(
  w: number,
  h: number,
  boxes: [x: number, y: number, w: number, h: number, value: number][],
): GrayImage {
  const width = pt(w);
  const height = pt(h);
  const gray = new Uint8Array(width * height).fill(255);
  for (const [x, y, bw, bh, value] of boxes) {
    for (let row = pt(y); row < Math.min(height, pt(y + bh)); row++) {
      gray.fill(value, row * width + pt(x), row * width + Math.min(width, pt(x + bw)));
    }
  }
  return { gray, width, height };
}

/** Letter-like strokes 1.2 pt wide, one every 4 points across a line of text 8 points tall. */
function strokes(
  x: number,
  y: number,
  length: number,
  value: number,
): [number, number, number, number, number][] {
  const out: [number, number, number, number, number][] = [];
  for (let sx = x; sx < x + length; sx += 4) out.push([sx, y, 1.2, 8, value]);
  return out;
}

const at = (image: GrayImage, pixels: Uint8Array, xPt: number, yPt: number) =>
  pixels[pt(yPt) * image.width + pt(xPt)];

describe('clearDarkFills', () => {
  it('leaves a page of dark text on white alone', () => {
    const image = page(200, 100, [...strokes(20, 20, 150, 0), ...strokes(20, 40, 150, 0)]);
    expect(clearDarkFills(image, SCALE)).toBeNull();
  });

  it('turns light words on a dark band into dark words on white', () => {
    const image = page(300, 120, [[20, 30, 260, 30, 70], ...strokes(40, 41, 200, 250)]);
    const out = clearDarkFills(image, SCALE)!;
    expect(out).not.toBeNull();
    expect(at(image, out, 30, 35)).toBe(255); // the band
    expect(at(image, out, 40.5, 45)).toBeLessThan(40); // a stroke of its text
    expect(at(image, out, 10, 10)).toBe(255); // the page around it, unchanged
    expect(at(image, out, 150, 90)).toBe(255);
  });

  it('makes dark words on a dark band black on white', () => {
    const image = page(300, 120, [[20, 30, 260, 30, 90], ...strokes(40, 41, 200, 0)]);
    const out = clearDarkFills(image, SCALE)!;
    expect(at(image, out, 30, 35)).toBe(255);
    expect(at(image, out, 40.5, 45)).toBe(0);
  });

  it('does not frame the band: its edge stays light on the light page', () => {
    const image = page(300, 120, [[20.3, 30.3, 260, 30, 70], ...strokes(40, 41, 200, 250)]);
    const out = clearDarkFills(image, SCALE)!;
    for (const y of [29, 30, 30.5, 31, 59.5, 60.5, 61]) expect(at(image, out, 150, y)).toBeGreaterThan(200);
    for (const x of [19.5, 20.5, 279.5, 280.5]) expect(at(image, out, x, 45)).toBeGreaterThan(200);
  });

  it('keeps heavy display letters, as narrow as a letter is, as they are', () => {
    // A 30 pt square stroke of a bold letter, with a light counter inside.
    const image = page(200, 100, [
      [20, 20, 30, 30, 0],
      [30, 30, 10, 10, 255],
    ]);
    expect(clearDarkFills(image, SCALE)).toBeNull();
  });

  it('leaves a fill with nothing on it, and the shades of a photograph, alone', () => {
    expect(clearDarkFills(page(300, 120, [[20, 30, 260, 40, 90]]), SCALE)).toBeNull();
    // A dark gradient: no flat background for text to stand on.
    const boxes: [number, number, number, number, number][] = [];
    for (let i = 0; i < 26; i++) boxes.push([20 + i * 10, 30, 10, 40, 10 + i * 4]);
    boxes.push(...strokes(40, 41, 200, 250));
    expect(clearDarkFills(page(300, 120, boxes), SCALE)).toBeNull();
  });
});
