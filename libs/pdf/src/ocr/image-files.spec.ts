import { describe, expect, it } from '@jest/globals';
import { bmpOf, pgmOf } from './image-files.js';

// A 3 x 2 image: the top row dark, the bottom row light.
const gray = Uint8Array.from([0, 10, 20, 200, 210, 220]);

describe('page image files', () => {
  it('writes PGM as a header and the rows top-down', () => {
    const pgm = Buffer.from(pgmOf(gray, 3, 2));
    expect(pgm.subarray(0, 11).toString('ascii')).toBe('P5\n3 2\n255\n');
    expect([...pgm.subarray(11)]).toEqual([...gray]);
  });

  it('writes an 8-bit grey BMP with its resolution and its rows bottom-up, each padded to four bytes', () => {
    const bmp = Buffer.from(bmpOf(gray, 3, 2, 300));
    const offset = 14 + 40 + 256 * 4;
    expect(bmp.subarray(0, 2).toString('ascii')).toBe('BM');
    expect(bmp.readUInt32LE(2)).toBe(bmp.length);
    expect(bmp.readUInt32LE(10)).toBe(offset);
    expect([bmp.readInt32LE(18), bmp.readInt32LE(22), bmp.readUInt16LE(28)]).toEqual([3, 2, 8]);
    // 300 dpi in pixels per metre, across and down.
    expect([bmp.readInt32LE(38), bmp.readInt32LE(42)]).toEqual([11_811, 11_811]);
    // The palette maps each index to its own grey.
    expect([...bmp.subarray(54 + 4 * 128, 54 + 4 * 129)]).toEqual([128, 128, 128, 0]);
    expect(bmp.length).toBe(offset + 2 * 4);
    expect([...bmp.subarray(offset)]).toEqual([200, 210, 220, 0, 0, 10, 20, 0]);
  });
});
