import { describe, expect, it } from '@jest/globals';
import { lcsLength } from './lcs.js';

function naiveLcs(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = new Array<number>(y.length + 1).fill(0);
  for (const cx of x) {
    const row = [0];
    for (let j = 1; j <= y.length; j++)
      row[j] = cx === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return prev[y.length];
}

function randomText(length: number, alphabet: string, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

describe('lcsLength', () => {
  it('handles small cases', () => {
    expect(lcsLength('', 'abc')).toBe(0);
    expect(lcsLength('abc', 'abc')).toBe(3);
    expect(lcsLength('ABCBDAB', 'BDCABA')).toBe(4);
    expect(lcsLength('a𝜇b', 'a𝜇')).toBe(2);
  });

  it('agrees with the quadratic algorithm across word boundaries', () => {
    for (const [m, n, seed] of [
      [31, 40, 1],
      [32, 33, 2],
      [65, 64, 3],
      [200, 150, 4],
    ]) {
      const a = randomText(m, 'abcd ', seed);
      const b = randomText(n, 'abcde', seed + 10);
      expect(lcsLength(a, b)).toBe(naiveLcs(a, b));
    }
  });

  it('is fast enough for whole documents', () => {
    const a = randomText(20_000, 'abcdefghij ', 5);
    const b = randomText(20_000, 'abcdefghij ', 6);
    const started = performance.now();
    lcsLength(a, b);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
