import { describe, expect, it } from '@jest/globals';
import { ImageToRead } from './engines.js';
import { cut, quarterTurn, stack } from './strip.js';

/** A small image from rows of digits (grey levels 0-9). */
const image = (...rows: string[]): ImageToRead => ({
  gray: Uint8Array.from(rows.join('').split('').map(Number)),
  width: rows[0].length,
  height: rows.length,
  dpi: 300,
});
const rowsOf = (im: ImageToRead) =>
  Array.from({ length: im.height }, (_, y) =>
    Array.from(im.gray.subarray(y * im.width, (y + 1) * im.width)).join(''),
  );

describe('strip', () => {
  const im = image('123', '456');

  it('turns an image a quarter either way', () => {
    // Clockwise, the left edge comes to the top; counter-clockwise, the right edge does.
    expect(rowsOf(quarterTurn(im, true))).toEqual(['41', '52', '63']);
    expect(rowsOf(quarterTurn(im, false))).toEqual(['36', '25', '14']);
  });

  it('cuts a box out of an image, clamped to its edges', () => {
    expect(rowsOf(cut(im, [1, 0, 3, 2]))).toEqual(['23', '56']);
    expect(rowsOf(cut(im, [-1, 1, 2, 5]))).toEqual(['45']);
  });

  it('stacks pieces one under another on white, each with its margin', () => {
    const { image: strip, slots } = stack([image('1'), image('22', '33')], (p) => p.height - 1);
    const W = 255;
    expect([strip.width, strip.height]).toEqual([4, 5]);
    expect(Array.from(strip.gray)).toEqual([1, W, W, W, W, W, W, W, W, 2, 2, W, W, 3, 3, W, W, W, W, W]);
    expect(slots).toEqual([
      { top: 0, height: 1 },
      { top: 1, height: 4 },
    ]);
  });
});
