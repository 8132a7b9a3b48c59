import { describe, expect, it } from '@jest/globals';
import { GrayImage } from './render.js';
import { PagePath } from '../model.js';
import { textRun as run } from '../testing/text-runs.js';
import { settleTints, tintEdges } from './tint-edges.js';

// A page 200 points square read at one pixel a point, so a cell of the tint grid is 2 pixels.
const SIZE = 200;

function page(grey: (x: number, y: number) => number): GrayImage {
  const gray = new Uint8Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) gray[y * SIZE + x] = grey(x, y);
  return { gray, width: SIZE, height: SIZE };
}

/** Image rows to page y (points, upwards) of the horizontal edges found, top first. */
const edgeRows = (image: GrayImage) =>
  tintEdges(image, 1, SIZE)
    .map((e) => SIZE - (e.bbox[1] + e.bbox[3]) / 2)
    .sort((a, b) => a - b);

describe('tintEdges', () => {
  it('finds where the tints of shaded rows change, across the rows, with their text on them', () => {
    // Rows 20 pixels high from y 40 to 120, dark and light in turn, x 20 to 180, on white paper;
    // a dark word stands on each light row.
    const image = page((x, y) => {
      if (x < 20 || x >= 180 || y < 40 || y >= 120) return 255;
      const row = Math.floor((y - 40) / 20);
      if (row % 2 && x >= 30 && x < 60 && y % 20 >= 6 && y % 20 < 14) return 30;
      return row % 2 ? 210 : 80;
    });
    expect(edgeRows(image)).toEqual([40, 60, 80, 100, 120]);
  });

  it('finds none in a gradient, in text, or along a tint shorter than a table row', () => {
    expect(edgeRows(page((_, y) => Math.round(y * 1.2)))).toEqual([]);
    expect(edgeRows(page((x, y) => ((x + y) % 3 ? 255 : 20)))).toEqual([]);
    expect(edgeRows(page((x, y) => (x >= 50 && x < 80 && y >= 50 && y < 70 ? 120 : 255)))).toEqual([]);
  });
});

describe('settleTints', () => {
  const edge = (x0: number, x1: number, y: number): PagePath => ({
    bbox: [x0, y - 0.25, x1, y + 0.25],
    stroked: false,
    filled: true,
    straight: true,
  });

  it('takes an area crossed side to side by tint edges, with words on it, for shaded rows, not a picture', () => {
    const rows = [edge(60, 540, 680), edge(60, 540, 650), edge(60, 540, 620)];
    const words = [run('Station', 80, 660), run('Harbour', 80, 630)];
    const settled = settleTints(rows, [[58, 618, 542, 682]], words);
    expect(settled.pictures).toEqual([]);
    expect(settled.edges).toEqual(rows);
  });

  it("keeps a picture with its own shapes' edges, and drops edges along the strokes of words", () => {
    const shape = edge(100, 160, 300);
    const stroke = edge(72, 130, 736);
    const settled = settleTints(
      [shape, stroke],
      [[90, 250, 300, 400]],
      [run('Quarterly', 72, 730, { size: 24 })],
    );
    expect(settled).toEqual({ pictures: [[90, 250, 300, 400]], edges: [] });
  });
});
