import { describe, expect, it } from '@jest/globals';
import { OcrLine } from './hocr.js';
import { picturesOnScan } from './pictures.js';
import { GrayImage } from './render.js';

/** A 400 x 400 pt page at 1 pixel per point. */
const SIZE = 400;

function page(paint: (x: number, y: number) => number | null): GrayImage {
  const gray = new Uint8Array(SIZE * SIZE).fill(255);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const v = paint(x, y);
      if (v !== null) gray[y * SIZE + x] = v;
    }
  }
  return { gray, width: SIZE, height: SIZE };
}

const inside = (x: number, y: number, [x0, y0, x1, y1]: number[]) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** A line of words (pixel boxes, top-left origin), 10 pixels high. */
function line(...boxes: [number, number, number, number][]): OcrLine {
  const top = Math.min(...boxes.map((b) => b[1]));
  const bottom = Math.max(...boxes.map((b) => b[3]));
  return {
    box: [boxes[0][0], top, boxes[boxes.length - 1][2], bottom],
    baseline: { y: bottom, slope: 0 },
    xSize: 10,
    fontSize: 10,
    words: boxes.map((box) => ({ text: 'word', box, confidence: 90 })),
  };
}

/** Four bars of a chart, two tones, 20 wide and 60 to 120 high, standing on its axis at y = 300. */
const BARS = [0, 1, 2, 3].map((i) => [100 + i * 40, 300 - 60 - i * 20, 120 + i * 40, 300]);
const AXES = [
  [95, 300, 265, 301],
  [95, 170, 96, 301],
];
const chart = (x: number, y: number) => {
  if (AXES.some((a) => inside(x, y, a))) return 0;
  const bar = BARS.findIndex((b) => inside(x, y, b));
  return bar < 0 ? null : bar % 2 ? 90 : 150;
};
/** A line of body text above the chart, running across the page, drawn as ink in its word boxes. */
const BODY = line([20, 40, 180, 50], [190, 40, 380, 50]);
/** Tick labels under the bars. */
const TICKS = line([100, 305, 120, 314], [140, 305, 160, 314], [180, 305, 200, 314], [220, 305, 240, 314]);
const ink = (lines: OcrLine[]) => (x: number, y: number) =>
  lines.some((l) => l.words.some((w) => inside(x, y, w.box) && (x + y) % 3 === 0)) ? 0 : null;

describe('picturesOnScan', () => {
  it('finds a chart the words do not account for, with its tick labels, and leaves the body text out', () => {
    const image = page((x, y) => chart(x, y) ?? ink([BODY, TICKS])(x, y));
    const found = picturesOnScan(image, 1, SIZE, [BODY, TICKS]);
    expect(found).toHaveLength(1);
    const [x0, y0, x1, y1] = found[0];
    // Page space: y up. The bars span x 100-260 and y 100-300 down the page, the labels to 314.
    expect(x0).toBeLessThanOrEqual(95);
    expect(x1).toBeGreaterThanOrEqual(260);
    expect(SIZE - y0).toBeGreaterThanOrEqual(314);
    expect(SIZE - y1).toBeLessThanOrEqual(170);
    // The body line above is not part of it.
    expect(SIZE - y1).toBeGreaterThan(50);
  });

  it("leaves the figure's caption under it out of its box", () => {
    const caption = line([100, 325, 160, 334], [165, 325, 200, 334]);
    caption.words[0].text = 'Figure';
    caption.words[1].text = '1:';
    const image = page((x, y) => chart(x, y) ?? ink([BODY, TICKS, caption])(x, y));
    const [found] = picturesOnScan(image, 1, SIZE, [BODY, TICKS, caption]);
    expect(SIZE - found[1]).toBeLessThan(325);
  });

  it('finds no picture in a box of one flat tint holding words', () => {
    const words = line([120, 190, 200, 200], [210, 190, 280, 200]);
    const image = page(
      (x, y) => ink([words])(x, y) ?? (inside(x, y, [100, 150, 300, 250]) ? 200 - 30 : null),
    );
    expect(picturesOnScan(image, 1, SIZE, [words])).toEqual([]);
  });

  it('finds no picture in a ruled grid', () => {
    const image = page((x, y) =>
      x >= 50 && x <= 350 && y >= 50 && y <= 350 && (x % 30 < 2 || y % 30 < 2) ? 0 : null,
    );
    expect(picturesOnScan(image, 1, SIZE, [])).toEqual([]);
  });

  it('parts two photos set a gutter apart into two pictures that do not touch, each keeping its own marks', () => {
    // Two photos 100 x 80 pt, 6 pt apart (ink that close is one picture but for the gutter), a speck read as a word in the right one.
    const photos = [
      [80, 150, 180, 230],
      [186, 150, 286, 230],
    ];
    const speck = line([250, 160, 262, 170]);
    const image = page((x, y) => {
      const photo = photos.findIndex((p) => inside(x, y, p));
      return photo < 0 ? null : 40 + ((x * 7 + y * 13) % 150);
    });
    const found = picturesOnScan(image, 1, SIZE, [speck]).sort((a, b) => a[0] - b[0]);
    expect(found).toHaveLength(2);
    const [left, right] = found;
    expect(left[0]).toBeLessThanOrEqual(80);
    expect(left[2]).toBeLessThan(right[0]);
    expect(right[2]).toBeGreaterThanOrEqual(286);
  });

  it('leaves the short last line of a paragraph just above a picture out of its box', () => {
    // A paragraph's long line, then its last word right above the chart's top (y 170).
    const long = line(
      [85, 140, 130, 150],
      [135, 140, 180, 150],
      [185, 140, 230, 150],
      [235, 140, 280, 150],
      [285, 140, 330, 150],
    );
    const last = line([85, 155, 120, 165]);
    const image = page((x, y) => chart(x, y) ?? ink([long, last])(x, y));
    const [found] = picturesOnScan(image, 1, SIZE, [long, last]);
    // Its top (page space, y up) stays below the last line, which ends 165 down the page.
    expect(SIZE - found[3]).toBeGreaterThan(165);
  });

  it('takes in the sub-captions two photos share a line with, each under its own photo', () => {
    const photos = [
      [80, 150, 180, 230],
      [186, 150, 286, 230],
    ];
    // One recognised line under both: "(a) Left" under the one, "(b) Right" under the other.
    const captions = line(
      [80, 236, 92, 246],
      [95, 236, 120, 246],
      [186, 236, 198, 246],
      [201, 236, 230, 246],
    );
    captions.words.forEach((w, i) => (w.text = ['(a)', 'Left', '(b)', 'Right'][i]));
    const image = page((x, y) =>
      photos.some((p) => inside(x, y, p)) ? 40 + ((x * 7 + y * 13) % 150) : ink([captions])(x, y),
    );
    const found = picturesOnScan(image, 1, SIZE, [captions]).sort((a, b) => a[0] - b[0]);
    expect(found).toHaveLength(2);
    // Page space, y up: both reach down over the captions' line, which ends 246 down the page.
    for (const box of found) expect(SIZE - box[1]).toBeGreaterThanOrEqual(246);
    expect(found[0][2]).toBeLessThan(found[1][0]);
  });
});
