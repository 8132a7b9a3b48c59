import { describe, expect, it } from '@jest/globals';
import { TextRun } from '../model.js';
import { buildLines } from './lines.js';

function run(text: string, x0: number, base: number, width = text.length * 5): TextRun {
  const size = 10;
  return {
    text,
    x0,
    x1: x0 + width,
    base,
    y0: base - 2.2,
    y1: base + 7.8,
    size,
    bold: false,
    italic: false,
    mono: false,
    rtl: false,
  };
}

describe('buildLines', () => {
  it('joins runs of one line with spaces and splits at a gutter shared by other lines', () => {
    const runs = [0, 1, 2].flatMap((i) => [
      run('left words', 50, 700 - 12 * i),
      run('right words', 175, 700 - 12 * i),
    ]);
    const lines = buildLines(runs);
    expect(lines.map((l) => l.text)).toEqual(Array(3).fill(['left words', 'right words']).flat());
  });

  it('splits a number cell from the number beside it, and keeps a section number with its title', () => {
    // Quantities and prices of three rows: the gap after each quantity lines up with the others.
    const cells = [0, 1, 2].flatMap((i) => [
      run('Widget', 50, 700 - 12 * i),
      run(String(i + 2), 120, 700 - 12 * i),
      run('10.50', 150, 700 - 12 * i),
    ]);
    const numbered = [run('2.1', 50, 600), run('Setup', 70, 600)];
    const lines = buildLines([...cells, ...numbered]);
    expect(lines.map((l) => l.text)).toEqual([
      ...[2, 3, 4].flatMap((n) => ['Widget', String(n), '10.50']),
      '2.1 Setup',
    ]);
  });

  it('splits a heading from the text of the next column across a narrow gutter', () => {
    // Columns 10 points apart; the heading on the right is set larger than the body text on the left.
    const heading = { ...run('2 Method', 300, 664), size: 12 };
    const runs = [0, 1, 2].flatMap((i) => [
      run('body text of the left column', 150, 700 - 12 * i, 140),
      run('body text of the right column', 300, 700 - 12 * i, 140),
    ]);
    const lines = buildLines([...runs, run('body text of the left column', 150, 664, 140), heading]);
    expect(lines.map((l) => l.text)).toContain('2 Method');
  });

  it('keeps a wide word space of justified text inside the line', () => {
    const lines = buildLines([
      run('Table 1.', 50, 700),
      run('HPO performed', 105, 700),
      run('next line', 50, 688),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Table 1. HPO performed', 'next line']);
  });

  it('unfolds ligatures and orders right-to-left runs from the right', () => {
    const rtl = (text: string, x0: number) => ({ ...run(text, x0, 700), rtl: true });
    expect(buildLines([run('\uFB01nal', 50, 650)])[0].text).toBe('final');
    expect(buildLines([rtl('دوم', 50), rtl('اول', 80)])[0].text).toBe('اول دوم');
  });

  it('takes the size of a line from its visible characters, not its spaces', () => {
    // A large check-box glyph and its space before a word in the text size.
    const box = { ...run('\u2610 ', 50, 700, 10), size: 13 };
    const [line] = buildLines([box, run('No', 68, 700)]);
    expect(line.text).toBe('\u2610 No');
    expect(line.size).toBe(10);
  });

  it('keeps two lines apart when a taller word in another column sits between their baselines', () => {
    const heading = { ...run('INTERNATIONAL', 470, 534.3, 89), size: 14, y0: 531.2, y1: 545.2 };
    const lines = buildLines([
      run('This publication provides information about the IBM i 7.2', 150, 542.2, 260),
      heading,
      run('feature of IBM DB2 for i Row and Column Access Control', 150, 530.2, 250),
    ]);
    expect(lines.map((l) => l.text).sort()).toEqual([
      'INTERNATIONAL',
      'This publication provides information about the IBM i 7.2',
      'feature of IBM DB2 for i Row and Column Access Control',
    ]);
  });

  it('keeps the scripts set above and below one another on their line', () => {
    const script = (text: string, base: number) => ({
      ...run(text, 62, base, 8),
      size: 7,
      y0: base - 1.5,
      y1: base + 5.5,
    });
    const [line] = buildLines([
      run('c', 55, 700, 6),
      script('†', 703.5),
      script('α', 698),
      run('=', 75, 700, 6),
    ]);
    expect(line.runs).toHaveLength(4);
  });

  it('keeps a monospaced line whole across the aligned gaps of code, and marks it code', () => {
    const mono = (text: string, x0: number, base: number) => ({ ...run(text, x0, base), mono: true });
    const lines = buildLines([
      mono('CREATE MASK', 50, 700),
      mono('M1', 130, 700),
      mono('ON', 50, 688),
      mono('T1', 130, 688),
      mono('FOR COLUMN', 50, 676),
      mono('C1', 130, 676),
    ]);
    expect(lines.map((l) => [l.text, l.mono])).toEqual([
      ['CREATE MASK M1', true],
      ['ON T1', true],
      ['FOR COLUMN C1', true],
    ]);
  });

  it('does not make a sentence code for a long monospaced name in it', () => {
    const [line] = buildLines([
      run('write to', 50, 700),
      { ...run('someone@example.org.', 92, 700), mono: true },
    ]);
    expect(line.mono).toBe(false);
  });
});
