import { describe, expect, it } from '@jest/globals';
import { RawTextItem, toTextRuns } from './text.js';

const fontOf = () => ({ name: 'Helvetica', family: 'sans-serif' });
const item = (str: string, transform: number[], width: number): RawTextItem => ({
  str,
  dir: 'ltr',
  transform,
  width,
  height: 10,
  fontName: 'F1',
});

describe('toTextRuns', () => {
  const upright = item('Across', [10, 0, 0, 10, 100, 500], 40);
  const up = item('Upward', [0, 10, -10, 0, 200, 300], 50);
  const down = item('Downward', [0, -10, 10, 0, 300, 400], 60);
  const tilted = item('Tilted', [7, 7, -7, 7, 50, 50], 40);
  const items = [upright, up, down, tilted];

  it('keeps upright text in the flow, and nothing turned or tilted', () => {
    expect(toTextRuns(items, fontOf).map((r) => r.text)).toEqual(['Across']);
  });

  it('reads text set a quarter turn up or down the page with the box it covers', () => {
    const runs = toTextRuns(items, fontOf, undefined, 'vertical');
    expect(runs.map((r) => r.text)).toEqual(['Upward', 'Downward']);
    const [upward, downward] = runs;
    // Written upwards from (200, 300): the glyphs stand to the left of that point, 50 points tall.
    expect([upward.x0, upward.y0, upward.x1, upward.y1]).toEqual([192.2, 300, 202.2, 350]);
    // Written downwards from (300, 400): the glyphs stand to the right, 60 points down.
    expect([downward.x0, downward.y0, downward.x1, downward.y1]).toEqual([297.8, 340, 307.8, 400]);
    expect(upward.size).toBe(10);
  });

  it('keeps a space set as a narrow glyph of its own between words, not the gaps pdf.js marks', () => {
    // Korean set tight: a space glyph 0.1 wide, the next word 0.8 further on.
    const tight = [
      item('마시는', [9, 0, 0, 9, 100, 500], 20.5),
      item(' ', [9, 0, 0, 9, 120.5, 500], 0.1),
      item('물', [9, 0, 0, 9, 121.4, 500], 7.5),
    ];
    expect(toTextRuns(tight, fontOf).map((r) => r.text)).toEqual(['마시는 ', '물']);
    // A subscript and the bracket after it, with the space pdf.js puts in every gap it sees.
    const gap = [
      item('β', [7, 0, 0, 7, 182, 627], 4.5),
      item(' ', [7, 0, 0, 7, 186.5, 627], 0.9),
      item('(', [10, 0, 0, 10, 187.4, 628], 3.9),
    ];
    expect(toTextRuns(gap, fontOf).map((r) => r.text)).toEqual(['β', '(']);
  });

  it("takes pdf.js' monospace finding only where the measured advances agree", () => {
    const mono = () => ({ name: 'ABCDEF+Face', family: 'monospace' });
    const code = [item('return', [10, 0, 0, 10, 72, 700], 36), item('x;', [10, 0, 0, 10, 72, 688], 12)];
    expect(toTextRuns(code, mono).map((r) => r.mono)).toEqual([true, true]);
    // A bullet's one-glyph font that pdf.js reports for the words after it too.
    const bullets = [
      item('• Each model works', [10, 0, 0, 10, 72, 700], 80),
      item('• It goes', [10, 0, 0, 10, 72, 688], 41),
    ];
    expect(toTextRuns(bullets, mono).map((r) => r.mono)).toEqual([false, false]);
    // One sentence alone proves nothing.
    expect(toTextRuns([bullets[0]], mono).map((r) => r.mono)).toEqual([false]);
  });
});
