import { describe, expect, it } from '@jest/globals';
import { buildLines } from '../layout/lines.js';
import { findAlignedTables } from './aligned.js';
import { textRun as run } from '../testing/text-runs.js';

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

  it('keeps the wrapped second line of a first-column cell in its row, even when it is wider', () => {
    const runs = [
      run('Item', 100, 700),
      run('Price', 250, 700),
      run('Practical', 100, 686),
      run('675', 250, 686),
      run('treatment set', 100, 674),
      run('Bolt', 100, 660),
      run('12', 250, 660),
      run('Nut', 100, 646),
      run('3', 250, 646),
    ];
    const { tables } = findAlignedTables(buildLines(runs), 600);
    expect(tables.map((t) => t.rows)).toEqual([
      [
        ['Item', 'Price'],
        ['Practical treatment set', '675'],
        ['Bolt', '12'],
        ['Nut', '3'],
      ],
    ]);
  });

  it('leaves two columns of running text alone', () => {
    const text = 'a long line of running text in a column';
    const runs = [0, 1, 2].flatMap((i) => [run(text, 50, 700 - 12 * i), run(text, 320, 700 - 12 * i)]);
    expect(findAlignedTables(buildLines(runs), 600).tables).toEqual([]);
  });

  it('reads a table of contents with dot leaders as entries and page numbers', () => {
    const entries = [
      'Notices . . . . . . . . vii',
      '1.1 Scope . . . . . . . . . 2',
      '1.2 Terms. . . . . . . . 14',
    ];
    const { tables } = findAlignedTables(buildLines(entries.map((t, i) => run(t, 72, 700 - 12 * i))), 600);
    expect(tables.map((t) => t.rows)).toEqual([
      [
        ['Notices . . . . . . . .', 'vii'],
        ['1.1 Scope . . . . . . . . .', '2'],
        ['1.2 Terms. . . . . . . .', '14'],
      ],
    ]);
  });

  it('keeps a contents entry whose leader was lost in its table, its number set with the others', () => {
    // As a scan reads a table of contents: one entry's dots are not read, a number's case is off.
    const entries: [string, string][] = [
      ['Notices . . . . . . . . . . . .', 'xiV'],
      ['1.1 Scope', '2'],
      ['1.2 Terms . . . . . . . . . . .', '14'],
      ['1.3 Sources . . . . . . . . . .', '15'],
    ];
    const rightAt = (text: string, x1: number) => x1 - 5 * text.length;
    const runs = entries.flatMap(([title, page], i) => [
      run(title, 72, 700 - 12 * i),
      run(page, rightAt(page, 400), 700 - 12 * i),
    ]);
    // Below the contents, a line ending in a number somewhere else is no entry.
    runs.push(run('Printed in', 72, 652), run('7', 250, 652));
    const { tables } = findAlignedTables(buildLines(runs), 600);
    expect(tables.map((t) => t.rows)).toEqual([entries.map(([title, page]) => [title, page])]);
  });

  it('leaves lists set side by side alone', () => {
    const runs = [0, 1, 2].flatMap((i) => [
      run(`${i + 1}. item ${i}`, 100, 700 - 14 * i),
      run(`- point ${i}`, 250, 700 - 14 * i),
    ]);
    expect(findAlignedTables(buildLines(runs), 600).tables).toEqual([]);
  });

  it('finds a table below a question, beside a column of running text, with a column of marks', () => {
    const prose = 'running text of the next column goes on and on here';
    const question = [0, 1].map((i) =>
      run('a question about who receives these services, and from whom', 400, 740 - 12 * i),
    );
    const rows = [
      ['y', 'Children', '*'],
      ['y', 'Women', '*'],
      ['y', 'Migrants', '*'],
    ];
    const runs = rows.flatMap((r, i) => [
      run(prose, 40, 700 - 14 * i),
      run(r[0], 400, 700 - 14 * i),
      run(r[1], 420, 700 - 14 * i),
      run(r[2], 560, 700 - 14 * i),
    ]);
    expect(findAlignedTables(buildLines([...question, ...runs]), 700).tables.map((t) => t.rows)).toEqual([
      rows,
    ]);
  });

  it('keeps a header cell wrapped onto a second line in the header row', () => {
    const runs = [
      run('State funded', 200, 700),
      run('Others', 300, 700),
      run('legal aid', 205, 690),
      ...['Children', 'Women', 'Migrants'].flatMap((name, i) => [
        run(name, 100, 670 - 14 * i),
        run('*', 215, 670 - 14 * i),
        run('*', 310, 670 - 14 * i),
      ]),
    ];
    expect(findAlignedTables(buildLines(runs), 600).tables.map((t) => t.rows)).toEqual([
      [
        ['', 'State funded legal aid', 'Others'],
        ['Children', '*', '*'],
        ['Women', '*', '*'],
        ['Migrants', '*', '*'],
      ],
    ]);
  });
});
