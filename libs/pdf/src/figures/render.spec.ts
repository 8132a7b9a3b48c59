import { describe, expect, it } from '@jest/globals';
import { showsIn } from './render.js';

describe('showsIn', () => {
  const figure: [number, number, number, number] = [100, 400, 300, 600];
  const hints = {
    textBands: new Map<number, [number, number]>([
      [1, [590, 610]], // a label line crossing the figure's top
      [2, [100, 120]], // a line of text far below
    ]),
    imageBoxes: new Map([
      [3, [[320, 100, 580, 700] as [number, number, number, number]]], // a picture beside it
      [4, [[250, 550, 400, 650] as [number, number, number, number]]], // a picture overlapping it
      [
        5,
        [
          [0, 0, 10, 10] as [number, number, number, number],
          [150, 450, 160, 460] as [number, number, number, number],
        ],
      ],
    ]),
  };
  const runs = showsIn(figure, hints);

  it('keeps what can show in the region and every operator it knows nothing of', () => {
    expect([0, 1, 4, 5, 6].map(runs)).toEqual([true, true, true, true, true]);
  });

  it('skips text lines and images that cannot reach the region', () => {
    expect([2, 3].map(runs)).toEqual([false, false]);
  });

  it('runs everything without hints', () => {
    expect([1, 2, 3].map(showsIn(figure, {}))).toEqual([true, true, true]);
  });
});
