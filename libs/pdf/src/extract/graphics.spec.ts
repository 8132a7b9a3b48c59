import { describe, expect, it } from '@jest/globals';
import { collectGraphics } from './graphics.js';

const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  paintImageXObject: 85,
  constructPath: 91,
  stroke: 20,
  fill: 22,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  setFillRGBColor: 59,
};

describe('collectGraphics', () => {
  it('places images by the transform in force, with the operator painting them, and restores it after the graphics state', () => {
    const ops = {
      fnArray: [OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore, OPS.paintImageXObject],
      argsArray: [null, [200, 0, 0, 100, 50, 60], ['img_1'], null, ['img_2']],
    };
    const { images } = collectGraphics(ops, OPS);
    expect(images).toEqual([
      { bbox: [50, 60, 250, 160], objId: 'img_1', upright: true, op: 2 },
      { bbox: [0, 0, 1, 1], objId: 'img_2', upright: true, op: 4 },
    ]);
  });

  it('splits a path into subpaths, telling straight rules from curves', () => {
    // moveTo 0 0, lineTo 100 0 | moveTo 0 10, curveTo ... 20 30
    const path = new Float32Array([0, 0, 0, 1, 100, 0, 0, 0, 10, 2, 5, 15, 10, 25, 20, 30]);
    const ops = { fnArray: [OPS.constructPath], argsArray: [[OPS.stroke, [path], null]] };
    const { paths } = collectGraphics(ops, OPS);
    expect(paths).toEqual([
      { bbox: [0, 0, 100, 0], stroked: true, filled: false, straight: true },
      { bbox: [0, 10, 20, 30], stroked: true, filled: false, straight: false },
    ]);
  });

  it('ignores white fills, which only shade table cells', () => {
    const square = new Float32Array([0, 0, 0, 1, 10, 0, 1, 10, 10, 4]);
    const ops = {
      fnArray: [OPS.setFillRGBColor, OPS.constructPath],
      argsArray: [['#ffffff'], [OPS.fill, [square], null]],
    };
    expect(collectGraphics(ops, OPS).paths).toEqual([]);
  });

  it('unfolds an image the render list repeats at several places', () => {
    const positions = new Float32Array([100, 200, 130, 200]);
    const withRepeat = { ...OPS, paintImageXObjectRepeat: 88 };
    const repeated = { fnArray: [88], argsArray: [['img_1', 20, 10, positions]] };
    expect(collectGraphics(repeated, withRepeat).images).toEqual([
      { bbox: [100, 200, 120, 210], objId: 'img_1', upright: true, op: 0 },
      { bbox: [130, 200, 150, 210], objId: 'img_1', upright: true, op: 0 },
    ]);
  });
});
