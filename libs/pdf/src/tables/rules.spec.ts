import { describe, expect, it } from '@jest/globals';
import { PagePath } from '../model.js';
import { BBox } from '../types.js';
import { textRun } from '../testing/text-runs.js';
import { Rule, findRules, groupRules, joinTableBodies } from './rules.js';

const stroke = (bbox: BBox): PagePath => ({ bbox, stroked: true, filled: false, straight: true });
const fill = (bbox: BBox): PagePath => ({ bbox, stroked: false, filled: true, straight: true });

describe('findRules and groupRules', () => {
  it('keeps a ruled table apart from a framed chart drawn just below it', () => {
    const table = [
      stroke([50, 500, 550, 500]),
      stroke([50, 480, 550, 480]),
      stroke([50, 460, 550, 460]),
      stroke([50, 460, 50, 500]),
      stroke([300, 460, 300, 500]),
      stroke([550, 460, 550, 500]),
    ];
    const chart = [stroke([100, 300, 350, 430])];
    const groups = groupRules(findRules([...table, ...chart]));
    expect(groups.map((g) => g.bbox)).toEqual(
      expect.arrayContaining([
        [50, 460, 550, 500],
        [100, 300, 350, 430],
      ]),
    );
  });

  it('stacks horizontal-only rules of a booktabs table into one frame', () => {
    const rules = [500, 485, 440].map((y) => stroke([50, y, 300, y]));
    expect(groupRules(findRules(rules)).map((g) => g.bbox)).toEqual([[50, 440, 300, 500]]);
  });

  it('reads filled cells laid edge to edge as the rules of a table', () => {
    const cells: PagePath[] = [];
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 3; c++) cells.push(fill([c * 80, r * 20, c * 80 + 80, r * 20 + 20]));
    const groups = groupRules(findRules(cells));
    expect(groups).toHaveLength(1);
    expect(groups[0].bbox).toEqual([0, 0, 240, 60]);
  });

  it('ignores the bars of a bar chart and overlapping shapes', () => {
    const bars = [0, 1, 2, 3, 4, 5, 6].map((i) => fill([i * 20, 0, i * 20 + 20, 10 + i * 7]));
    expect(findRules(bars)).toEqual([]);
    const panels: PagePath[] = [];
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 3; c++) panels.push(fill([c * 80, r * 20, c * 80 + 80, r * 20 + 20]));
    panels.push(fill([10, 10, 200, 50]));
    expect(findRules(panels)).toEqual([]);
  });
});

describe('joinTableBodies', () => {
  const line = (y: number): Rule => ({ bbox: [100, y, 300, y], horizontal: true });
  const head = { bbox: [100, 480, 300, 500] as BBox, rules: [line(500), line(480)] };
  const bottom = { bbox: [100, 300, 300, 300] as BBox, rules: [line(300)] };
  const headerRun = textRun('Region', 105, 486);
  const rows = Array.from({ length: 12 }, (_, i) => [
    textRun('North', 105, 466 - 14 * i),
    textRun('12.5', 250, 466 - 14 * i),
  ]).flat();

  it('joins a booktabs header to its bottom rule across a tall body', () => {
    const joined = joinTableBodies([head, bottom], [headerRun, ...rows]);
    expect(joined).toHaveLength(1);
    expect(joined[0].bbox).toEqual([100, 300, 300, 500]);
  });

  it('leaves them apart when prose fills the width between them', () => {
    const prose = [400, 388].map((y) =>
      textRun('a line of running text that fills the column', 100, y, { x1: 300 }),
    );
    expect(joinTableBodies([head, bottom], [headerRun, ...prose])).toHaveLength(2);
  });
});
