import { describe, expect, it } from '@jest/globals';
import { codePoints, collapseWhitespace, splitLines, stripPictureMarkup } from './text.js';

describe('text helpers (Python-compatible)', () => {
  it('collapses whitespace like re.sub(r"\\s+", " ").strip()', () => {
    expect(collapseWhitespace('  a \t\n b\u00a0\u3000c  ')).toBe('a b c');
    // \ufeff is JS whitespace but not Python whitespace.
    expect(collapseWhitespace('\ufeffa')).toBe('\ufeffa');
    expect(collapseWhitespace('a\x1cb')).toBe('a b');
  });

  it('splits lines at the same boundaries as str.splitlines', () => {
    expect(splitLines('a\r\nb\rc\n\nd')).toEqual(['a', 'b', 'c', '', 'd']);
    expect(splitLines('a\nb\n', true)).toEqual(['a\n', 'b\n']);
    expect(splitLines('a\u2028b')).toEqual(['a', 'b']);
  });

  it('counts characters outside the BMP once', () => {
    expect(codePoints('a𝜇b')).toEqual(Int32Array.from([0x61, 0x1d707, 0x62]));
  });

  it('drops picture markup but keeps alt text', () => {
    expect(stripPictureMarkup('x <!-- image --> y ![A chart](fig.png) z')).toBe('x  y A chart z');
  });
});
