import { describe, expect, it } from '@jest/globals';
import { PagePath } from '../model.js';
import { BBox } from '../types.js';
import { betweenRules } from './turned-text.js';

const rule = (bbox: BBox): PagePath => ({ bbox, stroked: false, filled: true, straight: true });
/** A turned header 8 points wide and 60 long, its letters from x 104 to 112. */
const header: BBox = [104, 500, 112, 560];

describe('betweenRules', () => {
  it('takes a piece with a rule either side of it, running its length, for a table cell', () => {
    expect(betweenRules(header, [rule([100, 480, 100.5, 580]), rule([116, 480, 116.5, 580])])).toBe(true);
  });

  it('takes a piece with a rule above and below it, the far one as far as the piece is long', () => {
    // A booktabs header row: no column rules; this header is shorter than its row's longest.
    const rules = [rule([60, 598, 300, 598.5]), rule([60, 496, 300, 496.5])];
    expect(betweenRules(header, rules)).toBe(true);
  });

  it("leaves a chart's turned axis title, its axis on one side only", () => {
    expect(betweenRules(header, [rule([120, 450, 120.5, 620]), rule([120, 450, 400, 450.5])])).toBe(false);
  });

  it('leaves a piece whose rules stop short of its length or stand far off', () => {
    expect(betweenRules(header, [rule([100, 520, 100.5, 580]), rule([116, 480, 116.5, 580])])).toBe(false);
    expect(betweenRules(header, [rule([20, 480, 20.5, 580]), rule([116, 480, 116.5, 580])])).toBe(false);
  });
});
