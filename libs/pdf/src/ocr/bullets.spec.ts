import { describe, expect, it } from '@jest/globals';
import { readBullets } from './bullets.js';
import { OcrLine } from './hocr.js';
import { GrayImage } from './render.js';

const WIDTH = 300;
const HEIGHT = 50;
/** The line's baseline row; its text is 40 pixels high. */
const BASE = 36;
const SIZE = 40;

type Paint = (x: number, y: number) => boolean;

/** A white strip of one line with shapes painted black. */
function image(...shapes: Paint[]): GrayImage {
  const gray = new Uint8Array(WIDTH * HEIGHT).fill(255);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) if (shapes.some((inked) => inked(x, y))) gray[y * WIDTH + x] = 0;
  }
  return { gray, width: WIDTH, height: HEIGHT };
}

const disc =
  (cx: number, cy: number, r: number): Paint =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= (r + 0.5) ** 2;
/** A letter's open stroke: a ring 3 pixels wide. */
const ring =
  (cx: number, cy: number, r: number): Paint =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= r && d >= r - 3;
  };
const rect =
  (x0: number, y0: number, x1: number, y1: number): Paint =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** A triangle pointing right ("►") from x0, `w` wide and `h` high about row `cy`. */
const triangle =
  (x0: number, cy: number, w: number, h: number): Paint =>
  (x, y) =>
    x >= x0 && x <= x0 + w && Math.abs(y - cy) <= (h / 2) * (1 - (x - x0) / w) + 0.5;
/** A chevron's strokes (">"): the triangle's two slanted sides only, 3 pixels thick. */
const chevron =
  (x0: number, cy: number, w: number, h: number): Paint =>
  (x, y) =>
    x >= x0 && x <= x0 + w && Math.abs(Math.abs(y - cy) - (h / 2) * (1 - (x - x0) / w)) <= 1.5;

/** Words as [text, left, right, confidence]. */
function line(words: [string, number, number, number?][]): OcrLine {
  return {
    box: [0, 2, WIDTH - 1, BASE + 8],
    baseline: { y: BASE, slope: 0 },
    xSize: SIZE,
    fontSize: SIZE,
    words: words.map(([text, left, right, confidence = 40]) => ({
      text,
      box: [left, 8, right, BASE],
      confidence,
    })),
  };
}

describe('readBullets', () => {
  it('reads a filled dot read as a letter as a bullet, as sure as the words beside it', () => {
    const page = image(disc(20, 26, 7), rect(60, 10, 120, BASE));
    const [read] = readBullets(
      [
        line([
          ['e', 12, 28, 55],
          ['Item', 60, 120, 92],
        ]),
      ],
      page,
    );
    expect(read.words.map((w) => w.text)).toEqual(['•', 'Item']);
    expect(read.words[0].confidence).toBe(92);
  });

  it('reads a filled square the same way', () => {
    const [read] = readBullets([line([['¢', 12, 26]])], image(rect(13, 20, 24, 31)));
    expect(read.words[0].text).toBe('•');
  });

  it('reads a solid triangle read as ">" as a bullet, and keeps a chevron drawn in strokes', () => {
    const page = image(triangle(12, 24, 18, 20), chevron(62, 24, 18, 20));
    const words: [string, number, number][] = [
      ['>', 10, 32],
      ['>', 60, 82],
    ];
    const [read] = readBullets([line(words)], page);
    expect(read.words.map((w) => w.text)).toEqual(['•', '>']);
  });

  it("keeps a letter whose strokes leave its box open, a full stop on the baseline and a dash's bar", () => {
    const page = image(ring(20, 26, 8), rect(60, BASE - 4, 64, BASE), rect(100, 24, 130, 28));
    const words: [string, number, number][] = [
      ['o', 10, 30],
      ['.', 58, 66],
      ['-', 98, 132],
    ];
    const [read] = readBullets([line(words)], page);
    expect(read.words.map((w) => w.text)).toEqual(['o', '.', '-']);
  });

  it('keeps a word of more than two characters, however its ink looks', () => {
    const [read] = readBullets([line([['eee', 12, 28]])], image(disc(20, 26, 7)));
    expect(read.words[0].text).toBe('eee');
  });
});
