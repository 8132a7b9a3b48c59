import { describe, expect, it } from '@jest/globals';
import { BBox } from '../types.js';
import { readingOrder } from './order.js';

const item = (name: string, bbox: BBox) => ({ name, bbox });

describe('readingOrder', () => {
  const title = item('title', [50, 700, 550, 720]);
  const left = [item('L1', [50, 500, 290, 680]), item('L2', [50, 300, 290, 480])];
  const right = [item('R1', [310, 500, 550, 680]), item('R2', [310, 300, 550, 480])];

  it('reads a column to its end before the next one, even when paragraph gaps line up', () => {
    const order = readingOrder([right[1], left[1], title, right[0], left[0]]).map((i) => i.name);
    expect(order).toEqual(['title', 'L1', 'L2', 'R1', 'R2']);
  });

  it('reads columns right to left on right-to-left pages', () => {
    const order = readingOrder([...left, ...right], true).map((i) => i.name);
    expect(order).toEqual(['R1', 'R2', 'L1', 'L2']);
  });

  it('returns to two columns after a full-width figure', () => {
    const figure = item('figure', [50, 200, 550, 290]);
    const below = [item('L3', [50, 50, 290, 180]), item('R3', [310, 50, 550, 180])];
    const order = readingOrder([...below, figure, ...right, ...left]).map((i) => i.name);
    expect(order).toEqual(['L1', 'L2', 'R1', 'R2', 'figure', 'L3', 'R3']);
  });

  it('reads the rest of a column that runs on below the end of the other before the other column', () => {
    // The right column is short (a float filled its top); the left one goes on below it.
    const longLeft = [...left, item('L3', [50, 100, 290, 280]), item('L4', [50, 40, 290, 90])];
    const number = item('page number', [295, 20, 305, 28]);
    const order = readingOrder([number, ...right.slice(0, 1), ...longLeft]).map((i) => i.name);
    expect(order).toEqual(['L1', 'L2', 'L3', 'L4', 'R1', 'page number']);
  });

  it('keeps a heading in one column with the full-width text set under it', () => {
    const heading = item('heading', [50, 250, 150, 262]);
    const text = item('text', [50, 100, 550, 240]);
    const order = readingOrder([text, heading, ...right, ...left]).map((i) => i.name);
    expect(order).toEqual(['L1', 'L2', 'R1', 'R2', 'heading', 'text']);
  });
});
