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

  describe('after a line: a grid of answers', () => {
    /** A line of one dark word at `box`, on the strip's baseline. */
    const lineOf = (word: string, box: number[], unread: number[][] = []): OcrLine => ({
      box: box as OcrLine['box'],
      baseline: { y: BASE, slope: 0 },
      xSize: SIZE,
      fontSize: SIZE,
      words: [{ text: word, box: box as OcrLine['box'], confidence: 90 }],
      unread: unread as OcrLine['box'][],
    });
    const whiteBoxes = (boxes: number[][], words: number[][]) =>
      image((x, y) =>
        boxes.some((b) => inside(x, y, b)) ? 255 : words.some((w) => inside(x, y, w)) ? 20 : undefined,
      );

    it("reads the boxes under each column's heading after a row's label, left to right", () => {
      const label = [10, 14, 70, 36];
      const boxes = [
        [150, 18, 167, 35],
        [230, 18, 247, 35],
      ];
      const [read] = readCheckboxes([lineOf('Women', label)], whiteBoxes(boxes, [label]));
      expect(read.words.map((w) => w.text)).toEqual(['Women', '□', '□']);
      expect(read.words.slice(1).map((w) => w.box)).toEqual([
        [150, 18, 168, 36],
        [230, 18, 248, 36],
      ]);
      expect(read.box).toEqual([10, 14, 248, 36]);
    });

    it("leaves the box before the next column's line to that line", () => {
      const left = [10, 14, 60, 36];
      const right = [200, 14, 280, 36];
      const box = [170, 18, 187, 35];
      const [first, second] = readCheckboxes(
        [lineOf('No', left), lineOf('Maybe', right)],
        whiteBoxes([box], [left, right]),
      );
      expect(first.words.map((w) => w.text)).toEqual(['No']);
      expect(second.words.map((w) => w.text)).toEqual(['□', 'Maybe']);
    });

    it('takes no round or open mark for a box: an unread letter, a bracket', () => {
      const label = [10, 14, 70, 36];
      const ring = (x: number, y: number) => Math.abs(Math.hypot(x - 158, y - 27) - 8) < 2;
      const bracket = (x: number, y: number) =>
        inside(x, y, [230, 16, 232, 36]) || inside(x, y, [230, 16, 240, 18]);
      const page = image((x, y) => (ring(x, y) || bracket(x, y) || inside(x, y, label) ? 20 : undefined));
      const [read] = readCheckboxes([lineOf('Women', label)], page);
      expect(read.words.map((w) => w.text)).toEqual(['Women']);
    });

    it('leaves out a mark where Tesseract saw a word it could not read', () => {
      const label = [10, 14, 70, 36];
      const mark = [150, 18, 167, 35];
      const [read] = readCheckboxes([lineOf('Women', label, [mark])], whiteBoxes([mark], [label]));
      expect(read.words.map((w) => w.text)).toEqual(['Women']);
    });
  });
});
