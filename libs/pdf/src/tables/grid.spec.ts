import { describe, expect, it } from '@jest/globals';
import { TextRun } from '../model.js';
import { BBox } from '../types.js';
import { buildGrid } from './grid.js';
import { Rule, findRules, shadingEdges } from './rules.js';
import { textRun as run } from '../testing/text-runs.js';

const horizontal = (y: number, x0 = 0, x1 = 300): Rule => ({ bbox: [x0, y, x1, y], horizontal: true });
const vertical = (x: number, y0: number, y1: number): Rule => ({ bbox: [x, y0, x, y1], horizontal: false });

// Three columns (rules at x 100 and 200), three rows of 30 points from the top at y 90; the cells
// of the last two rows hold two lines each, as wrapped cells do.
const TABLE: BBox = [0, 0, 300, 90];
const CELLS = [
  [['Kind'], ['Before'], ['After']],
  [
    ['Class', 'name'],
    ['Group 1', 'diseases'],
    ['Grade 1', 'diseases'],
  ],
  [
    ['Scope', 'today'],
    ['Six', 'kinds'],
    ['Seventeen', 'kinds'],
  ],
];
const ROWS = CELLS.map((row) => row.map((lines) => lines.join(' ')));
const runs = CELLS.flatMap((row, r) =>
  row.flatMap((lines, c) => lines.map((text, l) => run(text, c * 100 + 5, 90 - 30 * r - 12 - 12 * l))),
);
const columns = [vertical(100, 0, 90), vertical(200, 0, 90)];

describe('buildGrid', () => {
  it('reads one row per band between rules when every row is ruled', () => {
    const rules = [horizontal(90), horizontal(60), horizontal(30), horizontal(0), ...columns];
    expect(buildGrid(TABLE, rules, runs)?.rows).toEqual(ROWS);
  });

  it('keeps the first rule between rows when nothing is drawn along the top of the table', () => {
    const rules = [horizontal(60), horizontal(30), horizontal(0), ...columns];
    expect(buildGrid(TABLE, rules, runs)?.rows).toEqual(ROWS);
  });

  it('parts the header from the first row along the edge of its shading', () => {
    // The header is a band of shaded cells with no rule under it; a rule parts the other two rows.
    const header = [0, 100, 200].map((x) => ({
      bbox: [x, 60, x + 100, 90] as BBox,
      stroked: false,
      filled: true,
      straight: true,
    }));
    const drawn = [horizontal(30), horizontal(0), ...columns];
    expect(buildGrid(TABLE, drawn, runs)?.rows).not.toEqual(ROWS);
    const rules = [...drawn, ...shadingEdges(header, TABLE, drawn)];
    expect(buildGrid(TABLE, rules, runs)?.rows).toEqual(ROWS);
  });
});

describe('buildGrid without column rules', () => {
  // A booktabs table: rules above, under the header and below; none between the body rows.
  const BOX: BBox = [0, 0, 300, 80];
  const rules = [horizontal(80), horizontal(62), horizontal(0)];
  const row = (cells: string[], base: number) => cells.map((text, c) => run(text, 5 + 100 * c, base));

  it('reads each body line as a row when the lines fill the columns', () => {
    const body = [
      ['North', '12.5', '14.0'],
      ['South', '9.1', '10.2'],
      ['East', '30.2', '31.9'],
      ['West', '7.4', '8.8'],
    ];
    const runs = [...row(['Region', 'Q1', 'Q2'], 68), ...body.flatMap((cells, i) => row(cells, 50 - 12 * i))];
    expect(buildGrid(BOX, rules, runs)?.rows).toEqual([['Region', 'Q1', 'Q2'], ...body]);
  });

  it('keeps the second line of a wrapped cell in its row', () => {
    const runs = [
      ...row(['Item', 'Use', 'Price'], 68),
      ...row(['Cable', 'Power for', '1.20'], 50),
      run('the desk', 105, 38),
      ...row(['Lamp', 'Light', '9.00'], 26),
    ];
    expect(buildGrid(BOX, rules, runs)?.rows).toEqual([
      ['Item', 'Use', 'Price'],
      ['Cable', 'Power for the desk', '1.20'],
      ['Lamp', 'Light', '9.00'],
    ]);
  });
});

describe('buildGrid on a box around text', () => {
  it('leaves it to the whitespace stage when only whitespace would part its columns and rows', () => {
    // A page border drawn on three sides around a sidebar and a column of running text.
    const box: BBox = [0, 0, 300, 90];
    const rules = [horizontal(90), horizontal(0), vertical(0, 0, 90)];
    const runs = [0, 1, 2, 3, 4].flatMap((i) => [
      run('Highlights', 5, 78 - 14 * i),
      run('Running text of the main column goes on', 120, 78 - 14 * i),
    ]);
    expect(buildGrid(box, rules, runs)).toBeNull();
    // Ruled between its rows, the same box is a table.
    const ruled = [...rules, ...[76, 62, 48, 34].map((y) => horizontal(y))];
    expect(buildGrid(box, ruled, runs)?.rows).toHaveLength(5);
  });
});

describe('buildGrid with column rules and no rules between body rows', () => {
  it('reads each body line as a row when the body is most of the table', () => {
    const box: BBox = [0, 0, 300, 80];
    const rules = [horizontal(80), horizontal(62), horizontal(0), vertical(100, 0, 80), vertical(200, 0, 80)];
    const body = [
      ['Window', '559', '28%'],
      ['Battery', 'prototype', '48.0'],
      ['Sample', 'region', '812'],
    ];
    const cells = [['Dataset', 'Revenue', 'Model'], ...body];
    const runs = cells.flatMap((cellsOf, i) => cellsOf.map((t, c) => run(t, 5 + 100 * c, 68 - 16 * i)));
    expect(buildGrid(box, rules, runs)?.rows).toEqual(cells);
  });
});

describe('buildGrid with column headers set upwards', () => {
  // Header cells 30 points tall; each header is one run written up the page from the cell's foot.
  const upward = (text: string, x: number): TextRun => ({
    ...run(text, x - 8, 62),
    x0: x - 8,
    x1: x + 2,
    y0: 62,
    y1: 62 + text.length * 4,
  });
  const headers = [upward('Before', 150), upward('After', 250)];
  const body = [
    run('Kind', 5, 68),
    ...ROWS.slice(1).flatMap((row, r) => row.map((text, c) => run(text, c * 100 + 5, 40 - 30 * r))),
  ];

  it('fills the header cells of a ruled table with them', () => {
    const rules = [horizontal(90), horizontal(60), horizontal(30), horizontal(0), ...columns];
    expect(buildGrid(TABLE, rules, body, headers)?.rows).toEqual(ROWS);
  });

  it('leaves them out where rows are only lines of text', () => {
    const rules = [horizontal(90), horizontal(0), ...columns];
    expect(buildGrid(TABLE, rules, body, headers)?.rows[0]).toEqual(['Kind', '', '']);
  });
});

describe('buildGrid with merged cells', () => {
  // Three columns and three rows of 30 points, as above; cells are merged where a rule is left out.
  const cell = (text: string, c: number, r: number, line = 0) =>
    run(text, c * 100 + 5, 90 - 30 * r - 12 - 12 * line);
  const frame = [horizontal(90), horizontal(0), vertical(0, 0, 90), vertical(300, 0, 90)];

  it('repeats a merged cell in every column and row it covers', () => {
    // "Period" spans the first two columns of the header; "Open" the last column of both body rows,
    // its two lines astride the missing rule.
    const rules = [
      ...frame,
      horizontal(60),
      horizontal(30, 0, 200),
      vertical(100, 0, 60),
      vertical(200, 0, 90),
    ];
    const runs = [
      cell('Period', 0, 0),
      cell('Status', 2, 0),
      cell('Q1', 0, 1),
      cell('Jan', 1, 1),
      cell('Still', 2, 1, 1),
      cell('open', 2, 2),
      cell('Q2', 0, 2),
      cell('Apr', 1, 2),
    ];
    expect(buildGrid(TABLE, rules, runs)?.rows).toEqual([
      ['Period', 'Period', 'Status'],
      ['Q1', 'Jan', 'Still open'],
      ['Q2', 'Apr', 'Still open'],
    ]);
  });

  it('keeps cells apart where a missing column rule has text on both sides', () => {
    const rules = [...frame, horizontal(60), horizontal(30), vertical(100, 60, 90), vertical(200, 0, 90)];
    const runs = [
      cell('Kind', 0, 0),
      cell('Count', 1, 0),
      cell('Total', 2, 0),
      cell('Apples', 0, 1),
      cell('4', 1, 1),
      cell('9', 2, 1),
      cell('Pears', 0, 2),
      cell('5', 1, 2),
      cell('7', 2, 2),
    ];
    expect(buildGrid(TABLE, rules, runs)?.rows).toEqual([
      ['Kind', 'Count', 'Total'],
      ['Apples', '4', '9'],
      ['Pears', '5', '7'],
    ]);
  });

  it("reads a table nested in a cell as that cell's text", () => {
    // Two columns (rule at x 150); the second row's first cell holds a framed 2 x 2 table, inset.
    const rules = [
      ...frame,
      horizontal(60),
      vertical(150, 0, 90),
      ...[4, 28, 52].map((y) => horizontal(y, 10, 140)),
      ...[10, 75, 140].map((x) => vertical(x, 4, 52)),
    ];
    const runs = [
      run('Name', 5, 78),
      run('Notes', 155, 78),
      run('A', 15, 38),
      run('B', 80, 38),
      run('1', 15, 14),
      run('2', 80, 14),
      run('Two by two', 155, 38),
    ];
    expect(buildGrid(TABLE, rules, runs)?.rows).toEqual([
      ['Name', 'Notes'],
      ['A B 1 2', 'Two by two'],
    ]);
  });
});

describe('shadingEdges', () => {
  const fill = (bbox: BBox) => ({ bbox, stroked: false, filled: true, straight: true });

  it('takes the edges of shading that fills whole columns', () => {
    const edges = shadingEdges([fill([0, 60, 100, 90]), fill([100, 60, 300, 90])], TABLE, columns);
    expect(edges.map((e) => e.bbox[1]).sort((a, b) => a - b)).toEqual([60, 60, 90, 90]);
  });

  it('ignores shading inset within a cell (a highlighted paragraph) and shading outside the table', () => {
    const inset = fill([105, 40, 195, 55]);
    const outside = fill([0, 120, 300, 150]);
    expect(shadingEdges([inset, outside], TABLE, columns)).toEqual([]);
    expect(findRules([inset]).length).toBe(0);
  });
});
