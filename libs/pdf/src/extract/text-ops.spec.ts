import { describe, expect, it } from '@jest/globals';
import { textBands } from './text-ops.js';

const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  beginText: 31,
  setFont: 37,
  setTextMatrix: 42,
  moveText: 40,
  setLeadingMoveText: 41,
  nextLine: 43,
  showText: 44,
  showSpacedText: 45,
  nextLineShowText: 46,
  nextLineSetSpacingShowText: 47,
  setTextLeading: 36,
  setTextRenderingMode: 38,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
};

describe('textBands', () => {
  it('places each shown line on its baseline, through text moves and the transform', () => {
    const ops = {
      fnArray: [
        OPS.transform,
        OPS.beginText,
        OPS.setFont,
        OPS.setTextMatrix,
        OPS.showText,
        OPS.setLeadingMoveText,
        OPS.showText,
      ],
      argsArray: [[1, 0, 0, 1, 0, 100], null, ['f1', 1], [[10, 0, 0, 10, 72, 600]], [[]], [0, -2], [[]]],
    };
    const bands = textBands(ops, OPS);
    expect(bands.get(4)).toEqual([680, 720]);
    expect(bands.get(6)).toEqual([660, 700]);
  });

  it('leaves rotated text and clipping text without a band, so that they are always drawn', () => {
    const ops = {
      fnArray: [
        OPS.beginText,
        OPS.setFont,
        OPS.setTextMatrix,
        OPS.showText,
        OPS.setTextRenderingMode,
        OPS.setTextMatrix,
        OPS.showText,
      ],
      argsArray: [null, ['f1', 10], [[0, 1, -1, 0, 50, 50]], [[]], [7], [[1, 0, 0, 1, 72, 600]], [[]]],
    };
    expect(textBands(ops, OPS).size).toBe(0);
  });
});
