import { describe, expect, it } from '@jest/globals';
import { TextRun } from '../model.js';
import { buildLines } from '../layout/lines.js';
import { findAlignedTables } from './aligned.js';

function run(text: string, x0: number, base: number): TextRun {
  return {
    text,
    x0,
    x1: x0 + text.length * 5,
    base,
    y0: base - 2,
    y1: base + 8,
    size: 10,
    bold: false,
    italic: false,
    mono: false,
    rtl: false,
  };
}

describe('findAlignedTables', () => {
  it('reads rows of short cells aligned in columns as a table', () => {
    const rows = [
      ['Year', 'Ducks'],
      ['2019', '120'],
      ['2020', '135'],
    ];
    const runs = rows.flatMap((r, i) => [run(r[0], 100, 700 - 13 * i), run(r[1], 200, 700 - 13 * i)]);
    const { tables } = findAlignedTables(buildLines(runs), 600);
    expect(tables.map((t) => t.rows)).toEqual([rows]);
  });

  it('leaves two columns of running text alone', () => {
    const text = 'a long line of running text in a column';
    const runs = [0, 1, 2].flatMap((i) => [run(text, 50, 700 - 12 * i), run(text, 320, 700 - 12 * i)]);
    expect(findAlignedTables(buildLines(runs), 600).tables).toEqual([]);
  });
});
