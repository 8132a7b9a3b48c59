import { describe, expect, it } from '@jest/globals';
import { readCheckboxes } from './checkboxes.js';
import { OcrLine } from './hocr.js';
import { GrayImage } from './render.js';

const WIDTH = 300;
const HEIGHT = 50;
/** The line's baseline row; its font is 30 pixels. */
const BASE = 36;
const SIZE = 30;

/** A strip of one line on a grey tint, `paint` giving the grey of each pixel it sets. */
function image(paint: (x: number, y: number) => number | undefined): GrayImage {
  const gray = new Uint8Array(WIDTH * HEIGHT).fill(200);
  for (let y = 0; y < HEIGHT; y++) for (let x = 0; x < WIDTH; x++) gray[y * WIDTH + x] = paint(x, y) ?? 200;
  return { gray, width: WIDTH, height: HEIGHT };
}

const inside = (x: number, y: number, [x0, y0, x1, y1]: number[]) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** The line's words, painted dark, from x 80 on. */
const WORDS = [
  [80, 14, 150, 36],
  [160, 14, 240, 36],
];
const text = (x: number, y: number) => (WORDS.some((w) => inside(x, y, w)) ? 20 : undefined);

function line(): OcrLine {
  return {
    box: [80, 14, 240, 36],
    baseline: { y: BASE, slope: 0 },
    xSize: SIZE,
    fontSize: SIZE,
    words: WORDS.map((box, i) => ({
      text: ['Not', 'applicable'][i],
      box: box as OcrLine['box'],
      confidence: 90,
    })),
  };
}

describe('readCheckboxes', () => {
  it('reads a white box on a tinted page before a line as a checkbox word', () => {
    const page = image((x, y) => (inside(x, y, [50, 18, 67, 35]) ? 255 : text(x, y)));
    const [read] = readCheckboxes([line()], page);
    expect(read.words.map((w) => w.text)).toEqual(['□', 'Not', 'applicable']);
    expect(read.words[0].box).toEqual([50, 18, 68, 36]);
  });

  it('reads an outlined box too', () => {
    const box = [50, 18, 67, 35];
    const outline = (x: number, y: number) => inside(x, y, box) && !inside(x, y, [52, 20, 65, 33]);
    const [read] = readCheckboxes(
      [line()],
      image((x, y) => (outline(x, y) ? 30 : text(x, y))),
    );
    expect(read.words[0].text).toBe('□');
  });

  it('leaves a line alone before which stands a dot, a bar or nothing', () => {
    const dot = (x: number, y: number) => inside(x, y, [60, 26, 63, 29]);
    const bar = (x: number, y: number) => inside(x, y, [20, 30, 70, 33]);
    for (const mark of [dot, bar, () => false]) {
      const [read] = readCheckboxes(
        [line()],
        image((x, y) => (mark(x, y) ? 30 : text(x, y))),
      );
      expect(read.words.map((w) => w.text)).toEqual(['Not', 'applicable']);
    }
  });
});
