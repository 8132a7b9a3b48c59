import { describe, expect, it } from '@jest/globals';
import { PagePath } from '../model.js';
import { textRun as run } from '../testing/text-runs.js';
import { plottedOnScan } from './plots.js';

// A page 300 points square read at one pixel a point: a chart's L of axes from (50, 50) to 250 each
// way, tick values left of its vertical axis and under its horizontal one.
const SIZE = 300;
const rule = (bbox: PagePath['bbox']): PagePath => ({ bbox, stroked: false, filled: true, straight: true });
const axes = [rule([50, 49, 250, 50]), rule([49, 50, 50, 250])];
const values = [
  ...['0', '50', '100'].map((t, i) => run(t, 46 - 5 * t.length, 60 + 80 * i, { size: 8 })),
  ...['A', 'B', 'C'].map((t, i) => run(t, 80 + 70 * i, 40, { size: 8 })),
];

function page(plot: boolean) {
  const gray = new Uint8Array(SIZE * SIZE).fill(255);
  // A plotted line rising across the frame, two pixels thick.
  if (plot) for (let x = 60; x < 240; x++) for (const dy of [0, 1]) gray[(240 - x + dy) * SIZE + x] = 40;
  return { gray, width: SIZE, height: SIZE };
}

describe('plottedOnScan', () => {
  it("finds the line plotted between a scanned chart's axes, as a drawn path inside them", () => {
    const paths = plottedOnScan(page(true), 1, SIZE, axes, values);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatchObject({ straight: false });
    const [x0, y0, x1, y1] = paths[0].bbox;
    expect([x0 >= 49, y0 >= 49, x1 <= 250, y1 <= 250]).toEqual([true, true, true, true]);
  });

  it('finds nothing between axes that frame an empty corner', () => {
    expect(plottedOnScan(page(false), 1, SIZE, axes, values)).toEqual([]);
  });
});
