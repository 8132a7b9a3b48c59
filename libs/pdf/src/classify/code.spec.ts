import { describe, expect, it } from '@jest/globals';
import { makeLine } from '../layout/lines.js';
import { textRun } from '../testing/text-runs.js';
import { codeIndents, codeText, isCodeBlock } from './code.js';

const mono = { mono: true };

describe('code listings', () => {
  it('counts indents in whole steps so that a slightly wrong advance does not add up', () => {
    // Steps of 25 pt with a measured advance of 5.98 pt: 4, 8 and 12 columns, not 4, 8 and 13.
    expect(codeIndents([0, 25, 50, 75.4, 0], 5.98)).toEqual([0, 4, 8, 12, 0]);
    // Offsets that are no whole steps are counted in characters.
    expect(codeIndents([0, 10, 25], 5)).toEqual([0, 2, 5]);
  });

  it('keeps the columns that tokens are aligned in, from the runs positions', () => {
    const lines = [
      makeLine([textRun('SELECT', 72, 700, mono), textRun('a,', 122, 700, mono)]),
      makeLine([textRun('b', 122, 688, mono)]),
      makeLine([textRun('FROM', 72, 676, mono), textRun('t', 122, 676, mono)]),
    ];
    expect(codeText(lines)).toBe('SELECT    a,\n          b\nFROM      t');
  });

  it('is monospaced throughout with words in it; bare links and lone signs are not code', () => {
    const line = (t: string) => makeLine([textRun(t, 72, 700, mono)]);
    expect(isCodeBlock([line('x = f(y)')])).toBe(true);
    expect(isCodeBlock([line('2 http://www.example.org/')])).toBe(false);
    expect(isCodeBlock([line('∑ ∏')])).toBe(false);
    expect(isCodeBlock([makeLine([textRun('x = f(y)', 72, 700)])])).toBe(false);
  });
});
