import { describe, expect, it } from '@jest/globals';
import { OcrLine, OcrWord } from './hocr.js';
import { noiseWords } from './word-confidence.js';

const word = (text: string, height: number, confidence: number): OcrWord => ({
  text,
  box: [100, 100, 100 + 20 * text.length, 100 + height],
  confidence,
});
const line = (...words: OcrWord[]): OcrLine => ({
  box: [100, 100, 900, 140],
  baseline: { y: 132, slope: 0 },
  xSize: 40,
  fontSize: 40,
  words,
});
const body = line(word('The', 38, 96), word('spring', 40, 95), word('keeps', 38, 96), word('the', 38, 96));

describe('noiseWords', () => {
  it('takes a doubtful word several lines tall for a photograph read as letters', () => {
    // One word's box across a row of photographs (as Tesseract read a handbook's figure).
    const texture = { ...word('fz', 194, 65), box: [342, 100, 1286, 294] as OcrWord['box'] };
    expect(noiseWords([body, line(texture)])(texture)).toBe(true);
  });

  it('keeps a large title read surely, and a doubtful word of the text height', () => {
    const title = word('Nuts', 194, 91);
    const doubtful = word('Rol-top', 40, 52);
    const noise = noiseWords([body, line(title), line(doubtful)]);
    expect(noise(title)).toBe(false);
    expect(noise(doubtful)).toBe(false);
  });

  it('takes a word read with hardly any confidence for a speck, whatever its size', () => {
    const speck = word('.', 6, 12);
    expect(noiseWords([body, line(speck)])(speck)).toBe(true);
  });
});
