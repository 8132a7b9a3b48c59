import { describe, expect, it } from '@jest/globals';
import { OcrWord } from './hocr.js';
import { unspacedWords } from './word-spacing.js';

/** Words laid left to right, each `width` pixels wide, after the gaps given (pixels). */
function laid(texts: string[], gaps: number[], width = 40): OcrWord[] {
  let x = 0;
  return texts.map((text, i) => {
    x += i ? gaps[i - 1] : 0;
    const word: OcrWord = { text, box: [x, 0, x + width, 40], confidence: 90 };
    x += width;
    return word;
  });
}

/** The line's text as it reads with the spaces `unspacedWords` leaves. */
function read(words: OcrWord[], sizePx = 40): string {
  const unspaced = unspacedWords(words, sizePx);
  return words.map((w, i) => (i && !unspaced.has(w) ? ' ' : '') + w.text).join('');
}

describe('unspacedWords', () => {
  it('joins the syllables of Korean words and keeps the word spaces of the line', () => {
    // 코로나 관련 보험약관: syllable gaps 0-3 px, word spaces 12-14 px, at a 40 px font size.
    const words = laid(['코', '로', '나', '관', '련', '보', '험', '약', '관'], [1, 3, 12, 0, 14, 2, 1, 3]);
    expect(read(words)).toBe('코로나 관련 보험약관');
  });

  it('keeps every space of a Korean line whose gaps are all word spaces', () => {
    // Justified: 유사 바이러스 감염증 발생, word spaces of 7-12 px and no syllable gaps among them.
    const words = laid(['유사', '바이러스', '감염증', '발생'], [7, 9, 12]);
    expect(read(words)).toBe('유사 바이러스 감염증 발생');
  });

  it('joins one Korean word read syllable by syllable', () => {
    expect(read(laid(['들', '어', '가', '며'], [1, 2, 0]))).toBe('들어가며');
  });

  it('writes Chinese and Japanese characters with no spaces, and leaves other scripts alone', () => {
    expect(read(laid(['東', '京', 'は', '晴', 'れ'], [10, 12, 8, 10]))).toBe('東京は晴れ');
    expect(read(laid(['Annual', 'report', 'for', 'all'], [1, 2, 12]))).toBe('Annual report for all');
    // A Latin word beside a Korean one keeps its space.
    expect(read(laid(['COVID', '코', '로', '나'], [2, 1, 2]))).toBe('COVID 코로나');
  });
});
