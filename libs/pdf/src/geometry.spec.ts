import { describe, expect, it } from '@jest/globals';
import {
  SAME_LINE_LABEL_PT,
  SAME_LINE_TABLE,
  SAME_LINE_TEXT,
  aligned,
  baselineBands,
  boxContains,
  boxGap,
  centreInside,
  intersectionArea,
  overlapsMostly,
  runBox,
  sameBaseline,
  spanOverlap,
  spanWithin,
  unionBox,
} from './geometry.js';
import { textRun as run } from './testing/text-runs.js';

describe('geometry tolerances', () => {
  it('keeps the stages’ distinct same-line tolerances apart', () => {
    expect([SAME_LINE_TABLE, SAME_LINE_TEXT, SAME_LINE_LABEL_PT]).toEqual([0.5, 0.6, 2]);
  });
});

describe('sameBaseline', () => {
  it('is strict at the tolerance', () => {
    expect(sameBaseline({ base: 100 }, { base: 101.9 }, 2)).toBe(true);
    expect(sameBaseline({ base: 100 }, { base: 102 }, 2)).toBe(false);
    expect(sameBaseline({ base: 102 }, { base: 100 }, 2)).toBe(false);
  });
});

describe('baselineBands', () => {
  it('groups by baseline top first, each member measured against its band’s first', () => {
    const a = { base: 100, size: 10 };
    const b = { base: 96, size: 10 }; // 4 < 5: same band as a
    const c = { base: 94, size: 10 }; // 6 from a: a new band, though 2 from b
    const d = { base: 50, size: 10 };
    expect(baselineBands([d, c, b, a])).toEqual([[a, b], [c], [d]]);
  });

  it('takes the share of the joining member’s own size', () => {
    const a = { base: 100, size: 4 };
    const b = { base: 97, size: 10 };
    expect(baselineBands([a, b], SAME_LINE_TABLE)).toEqual([[a, b]]);
    expect(baselineBands([b, { ...a, base: 103 }], SAME_LINE_TABLE)).toHaveLength(2);
  });

  it('keeps the input order among equal baselines', () => {
    const first = { base: 10, size: 10 };
    const second = { base: 10, size: 10 };
    expect(baselineBands([first, second])[0]).toEqual([first, second]);
    expect(baselineBands([first, second])[0][0]).toBe(first);
  });
});

describe('containment', () => {
  it('boxContains allows the margin on every side', () => {
    expect(boxContains([0, 0, 10, 10], [0, 0, 10, 10])).toBe(true);
    expect(boxContains([0, 0, 10, 10], [-0.5, 0, 10, 10])).toBe(false);
    expect(boxContains([0, 0, 10, 10], [-0.5, -1, 11, 10.5], 1)).toBe(true);
    expect(boxContains([0, 0, 10, 10], [0, 0, 10, 11.5], 1)).toBe(false);
  });

  it('centreInside looks at the centre only, with a 1 pt margin by default', () => {
    const r = run('wide', 0, 50, { size: 10 });
    expect(centreInside({ x0: 8, y0: 0, x1: 20, y1: 10 }, [0, 0, 14, 10])).toBe(true);
    expect(centreInside({ x0: 8, y0: 0, x1: 22, y1: 10 }, [0, 0, 14, 10])).toBe(true);
    expect(centreInside({ x0: 8, y0: 0, x1: 24.2, y1: 10 }, [0, 0, 14, 10])).toBe(false);
    expect(centreInside({ x0: 8, y0: 0, x1: 24.2, y1: 10 }, [0, 0, 14, 10], 2.2)).toBe(true);
    expect(boxContains([-10, -10, 1000, 1000], runBox(r))).toBe(true);
  });

  it('spanWithin compares one axis', () => {
    expect(spanWithin(1, 9, 0, 10)).toBe(true);
    expect(spanWithin(-1, 9, 0, 10)).toBe(false);
    expect(spanWithin(-1, 11, 0, 10, 1)).toBe(true);
  });
});

describe('overlap and distance', () => {
  it('spanOverlap is the shared length, negative for a gap', () => {
    expect(spanOverlap(0, 10, 5, 20)).toBe(5);
    expect(spanOverlap(0, 10, 12, 20)).toBe(-2);
  });

  it('overlapsMostly compares with the smaller box', () => {
    expect(intersectionArea([0, 0, 10, 10], [5, 0, 15, 10])).toBe(50);
    expect(overlapsMostly([0, 0, 10, 10], [4, 0, 100, 100])).toBe(true);
    expect(overlapsMostly([0, 0, 10, 10], [5, 0, 15, 10])).toBe(false);
    expect(overlapsMostly([0, 0, 10, 10], [5, 0, 15, 10], 0.4)).toBe(true);
  });

  it('boxGap is 0 for touching boxes and Euclidean across corners', () => {
    expect(boxGap([0, 0, 10, 10], [10, 0, 20, 10])).toBe(0);
    expect(boxGap([0, 0, 10, 10], [13, 14, 20, 20])).toBe(5);
    expect(unionBox([0, 5, 10, 10], [2, 0, 12, 8])).toEqual([0, 0, 12, 10]);
  });

  it('aligned is strict at the tolerance', () => {
    expect(aligned(10, 12.9, 3)).toBe(true);
    expect(aligned(10, 13, 3)).toBe(false);
  });
});
