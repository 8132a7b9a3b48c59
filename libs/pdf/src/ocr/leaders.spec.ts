import { describe, expect, it } from '@jest/globals';
import { OcrLine, OcrWord } from './hocr.js';
import { readLeaders } from './leaders.js';
import { GrayImage } from './render.js';

const WIDTH = 400;
const HEIGHT = 40;
/** The line's baseline row; its text is 30 pixels high. */
const BASE = 30;

/** A white strip of one line with black boxes ([left, top, right, bottom], inclusive) painted on it. */
function image(boxes: [number, number, number, number][]): GrayImage {
  const gray = new Uint8Array(WIDTH * HEIGHT).fill(255);
  for (const [x0, y0, x1, y1] of boxes) {
    for (let y = y0; y <= y1; y++) gray.fill(0, y * WIDTH + x0, y * WIDTH + x1 + 1);
  }
  return { gray, width: WIDTH, height: HEIGHT };
}

/** `count` dots 3 pixels wide and high on the baseline, `pitch` apart from `from`. */
function dots(from: number, count: number, pitch: number): [number, number, number, number][] {
  return Array.from({ length: count }, (_, i) => [from + i * pitch, BASE - 3, from + i * pitch + 2, BASE]);
}

function line(words: [string, number, number, number][]): OcrLine {
  const ocrWords: OcrWord[] = words.map(([text, left, right, confidence]) => ({
    text,
    box: [left, 5, right, BASE],
    confidence,
  }));
  return {
    box: [0, 5, WIDTH - 1, BASE],
    baseline: { y: BASE, slope: 0 },
    xSize: 30,
    fontSize: 30,
    words: ocrWords,
  };
}

/** A title's ink (10-60), then the page number's (320-335). */
const TITLE: [number, number, number, number] = [10, 5, 60, BASE];
const PAGE_NUMBER: [number, number, number, number] = [320, 5, 335, BASE];

describe('readLeaders', () => {
  it('reads a spaced leader as its dots, drops what Tesseract invented over it and trims the word it glued them to', () => {
    const page = image([TITLE, ...dots(70, 20, 12), PAGE_NUMBER]);
    const [read] = readLeaders(
      [
        line([
          ['Notices......', 10, 120, 0],
          ['eee', 130, 300, 10],
          ['teen', 200, 260, 2],
          ['vii', 320, 335, 90],
        ]),
      ],
      page,
    );
    expect(read.words.map((w) => w.text)).toEqual(['Notices', Array(20).fill('.').join(' '), 'vii']);
    expect(read.words[0].confidence).toBe(90);
    expect(read.words[1].box[0]).toBe(70);
  });

  it('reads dots set close together as an unspaced leader', () => {
    const page = image([TITLE, ...dots(70, 40, 5), PAGE_NUMBER]);
    const [read] = readLeaders(
      [
        line([
          ['Notices', 10, 60, 95],
          ['eee', 70, 270, 5],
          ['vii', 320, 335, 90],
        ]),
      ],
      page,
    );
    expect(read.words.map((w) => w.text)).toEqual(['Notices', '.'.repeat(40), 'vii']);
  });

  it('leaves an underline, an ellipsis, small letters and a line without dots as Tesseract read them', () => {
    const words = line([
      ['Name', 10, 60, 95],
      ['______', 70, 300, 60],
    ]);
    expect(readLeaders([words], image([TITLE, [70, BASE - 2, 300, BASE]]))).toEqual([words]);
    const ellipsis = line([
      ['Wait...', 10, 90, 90],
      ['vii', 320, 335, 90],
    ]);
    expect(readLeaders([ellipsis], image([TITLE, ...dots(66, 3, 8), PAGE_NUMBER]))).toEqual([ellipsis]);
    // Small letters on a line whose height came from a display font beside them: low, but not alike.
    const small: [number, number, number, number][] = [
      [70, 27, 72, 30],
      [76, 27, 83, 30],
      [85, 27, 86, 30],
      [95, 27, 100, 30],
      [103, 27, 105, 30],
      [118, 27, 124, 30],
    ];
    const url = line([['ibm.com/redbooks', 70, 124, 80]]);
    expect(readLeaders([url], image(small))).toEqual([url]);
    const plain = line([['Notices', 10, 60, 95]]);
    expect(readLeaders([plain], image([TITLE]))).toEqual([plain]);
  });
});
