import { describe, expect, it } from '@jest/globals';
import { PagePath } from '../model.js';
import { textRun } from '../testing/text-runs.js';
import { drawnBullets } from './bullets.js';
import { buildLines } from './lines.js';
import { listMarker } from './markers.js';

const shape = (x0: number, y0: number, size: number, filled = true, straight = false): PagePath => ({
  bbox: [x0, y0, x0 + size, y0 + size],
  filled,
  stroked: !filled,
  straight,
});

describe('drawnBullets', () => {
  it('reads a small disc, circle or square before a line start as its bullet', () => {
    const runs = [
      textRun('First item', 90, 700),
      textRun('Second item', 90, 686),
      textRun('Third item', 90, 672),
    ];
    const paths = [shape(80, 702, 4), shape(80, 688, 4, false), shape(80, 674, 4, true, true)];
    const lines = buildLines([...runs, ...drawnBullets(paths, runs)]);
    expect(lines.map((l) => listMarker(l.text)?.marker)).toEqual(['•', '◦', '▪']);
    expect(lines.map((l) => listMarker(l.text)?.rest)).toEqual(['First item', 'Second item', 'Third item']);
  });

  it('leaves shapes that are too large, off the x-height, or inside a line of text', () => {
    const runs = [
      textRun('A line of text', 40, 700),
      textRun('goes on here', 90, 700),
      textRun('Below', 90, 660),
    ];
    const paths = [
      shape(80, 702, 4), // between two words of one line
      shape(80, 650, 4), // under the baseline of "Below"
      shape(70, 660, 12), // as large as the text
    ];
    expect(drawnBullets(paths, runs)).toEqual([]);
  });
});
