import { describe, expect, it } from '@jest/globals';
import { OcrWord } from './hocr.js';
import { mergeReadings } from './mixed-scripts.js';

const word = (text: string, x0: number, x1: number, confidence: number): OcrWord => ({
  text,
  box: [x0, 100, x1, 140],
  confidence,
});

describe('mergeReadings', () => {
  // A Hebrew line read right to left: "הספר של Python נמצא", "Python" read by the Hebrew model as signs.
  const first = [
    word('הספר', 700, 800, 93),
    word('של', 620, 680, 92),
    word('חסח%ץק', 420, 600, 31),
    word('נמצא', 300, 400, 91),
  ];

  it('puts the second reading of a doubtful word in its place', () => {
    const reread = [word('Python', 424, 596, 91)];
    expect(mergeReadings(first, reread).map((w) => w.text)).toEqual(['הספר', 'של', 'Python', 'נמצא']);
  });

  it('keeps the words read confidently the first time', () => {
    // The second reading reads a Hebrew word as Latin letters, confidently or not.
    const reread = [word('naon', 702, 798, 88), word('Python', 424, 596, 91), word('xon', 302, 398, 40)];
    expect(mergeReadings(first, reread).map((w) => w.text)).toEqual(['הספר', 'של', 'Python', 'נמצא']);
  });

  it('keeps a doubtful word the second reading is no surer of', () => {
    const reread = [word('Pyth0n', 424, 596, 52)];
    expect(mergeReadings(first, reread)).toEqual(first);
  });

  it('places nothing that stands over a confident word as well', () => {
    // One box across "של" and the doubtful word: a second reading of both, not of the doubtful one.
    const reread = [word('Python', 430, 680, 90)];
    expect(mergeReadings(first, reread)).toEqual(first);
  });

  it('places each word of the second reading once, where it overlaps most', () => {
    // Tesseract's boxes of one reading overlap: two doubtful words over one stretch of the line.
    const overlapping = [word('(\\110)', 100, 220, 40), word('-19,', 150, 300, 45)];
    const reread = [word('(WHO)', 104, 200, 90), word('-19,', 222, 298, 91)];
    expect(mergeReadings(overlapping, reread).map((w) => w.text)).toEqual(['(WHO)', '-19,']);
  });
});
