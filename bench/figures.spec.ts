import { describe, expect, it } from '@jest/globals';
import {
  countMatches,
  expectedPictures,
  iou,
  scoreFigures,
  unitsPerPoint,
  type PlacedBox,
} from './figures.js';

describe('iou', () => {
  it('is 1 for equal boxes, 0 for disjoint ones', () => {
    expect(iou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1);
    expect(iou([0, 0, 10, 10], [20, 20, 30, 30])).toBe(0);
    expect(iou([0, 0, 10, 10], [5, 0, 15, 10])).toBeCloseTo(50 / 150, 12);
  });
});

describe('countMatches', () => {
  const picture: PlacedBox = { page: 1, box: [100, 100, 300, 300] };

  it('matches a slightly larger box on the same page only', () => {
    expect(countMatches([picture], [{ page: 1, box: [90, 90, 310, 320] }])).toBe(1);
    expect(countMatches([picture], [{ page: 2, box: [100, 100, 300, 300] }])).toBe(0);
  });

  it('does not count a whole-page box or one figure twice', () => {
    expect(countMatches([picture], [{ page: 1, box: [0, 0, 612, 792] }])).toBe(0);
    const twin: PlacedBox = { page: 1, box: [100, 100, 300, 300] };
    expect(countMatches([picture, twin], [{ page: 1, box: [100, 100, 300, 300] }])).toBe(1);
  });
});

describe('expectedPictures', () => {
  it('reads bottom-left and top-left boxes and skips documents without geometry', () => {
    const pages = { '1': { size: { width: 600, height: 800 } } };
    const bottomLeft = { l: 10, t: 300, r: 110, b: 200, coord_origin: 'BOTTOMLEFT' };
    const topLeft = { l: 10, t: 500, r: 110, b: 600, coord_origin: 'TOPLEFT' };
    expect(expectedPictures({ pages, pictures: [{ prov: [{ page_no: 1, bbox: bottomLeft }] }] })).toEqual([
      { page: 1, box: [10, 200, 110, 300] },
    ]);
    expect(expectedPictures({ pages, pictures: [{ prov: [{ page_no: 1, bbox: topLeft }] }] })).toEqual([
      { page: 1, box: [10, 200, 110, 300] },
    ]);
    expect(expectedPictures({ pages: {}, pictures: [{ prov: [] }] })).toBeNull();
  });

  it('reads boxes given in page-image pixels as points, and leaves out pictures under 40 pt a side', () => {
    const pages = { '1': { size: { width: 1224, height: 1584 } } };
    const big = { l: 200, t: 1400, r: 500, b: 1200, coord_origin: 'BOTTOMLEFT' };
    const swatch = { l: 700, t: 560, r: 726, b: 534, coord_origin: 'BOTTOMLEFT' };
    const doc = {
      pages,
      pictures: [{ prov: [{ page_no: 1, bbox: big }] }, { prov: [{ page_no: 1, bbox: swatch }] }],
    };
    expect(expectedPictures(doc, [{ width: 612, height: 792 }])).toEqual([
      { page: 1, box: [100, 600, 250, 700] },
    ]);
  });
});

describe('unitsPerPoint', () => {
  it('is the page-image scale when both sides agree, else 1', () => {
    expect(unitsPerPoint({ width: 1224, height: 1584 }, { width: 612, height: 792 })).toBe(2);
    expect(unitsPerPoint({ width: 612, height: 792 }, { width: 612, height: 792 })).toBe(1);
    expect(unitsPerPoint({ width: 2, height: 9 }, { width: 612, height: 792 })).toBe(1);
    expect(unitsPerPoint({ width: 1224, height: 1584 }, undefined)).toBe(1);
  });
});

describe('scoreFigures', () => {
  it('does not count found figures under picture size', () => {
    const expected: PlacedBox[] = [{ page: 1, box: [100, 100, 300, 300] }];
    const found: PlacedBox[] = [
      { page: 1, box: [100, 100, 300, 300] },
      { page: 1, box: [400, 400, 420, 420] },
      { page: 1, box: [400, 100, 500, 200] },
    ];
    expect(scoreFigures(expected, found)).toEqual({ expected: 1, found: 2, matched: 1 });
  });
});
