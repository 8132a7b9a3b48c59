import { describe, expect, it } from '@jest/globals';
import { textRun } from '../testing/text-runs.js';
import { buildBlocks } from './blocks.js';
import { buildLines } from './lines.js';

const blocksOf = (rows: [string, number][], mono: boolean) =>
  buildBlocks(buildLines(rows.map(([text, x], i) => textRun(text, x, 700 - 11 * i, { mono }))));

describe('buildBlocks', () => {
  const listing: [string, number][] = [
    ['function add(a, b) {', 100],
    ['return a + b;', 120],
    ['}', 100],
    ['console.log(add(3, 5));', 100],
  ];

  it('keeps a code listing whole as it steps in and out', () => {
    expect(blocksOf(listing, true).map((b) => b.lines.length)).toEqual([4]);
  });

  it('still parts running text where a short line stands apart from the one above', () => {
    expect(blocksOf(listing, false).length).toBeGreaterThan(1);
  });
});
