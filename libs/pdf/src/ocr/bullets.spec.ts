import { describe, expect, it } from '@jest/globals';
import { readBullets } from './bullets.js';
import { OcrLine } from './hocr.js';
import { GrayImage } from './render.js';
import { Paint, disc, paintedImage, rect, ring } from '../testing/painted-image.js';

const WIDTH = 300;
const HEIGHT = 50;
/** The line's baseline row; its text is 40 pixels high. */
const BASE = 36;
const SIZE = 40;

/** A white strip of one line with shapes painted black. */
const image = (...shapes: Paint[]): GrayImage => paintedImage(WIDTH, HEIGHT, ...shapes);

/** A triangle pointing right ("►") from x0, `w` wide and `h` high about row `cy`. */
const triangle =
  (x0: number, cy: number, w: number, h: number): Paint =>
  (x, y) =>
    x >= x0 && x <= x0 + w && Math.abs(y - cy) <= (h / 2) * (1 - (x - x0) / w) + 0.5;
/** A chevron's strokes (">"): the triangle's two slanted sides only, 3 pixels thick. */
const chevron =
  (x0: number, cy: number, w: number, h: number): Paint =>
  (x, y) =>
    x >= x0 && x <= x0 + w && Math.abs(Math.abs(y - cy) - (h / 2) * (1 - (x - x0) / w)) <= 1.5;

/** Words as [text, left, right, confidence]. */
function line(words: [string, number, number, number?][], xHeight?: number): OcrLine {
  return {
    box: [0, 2, WIDTH - 1, BASE + 8],
    baseline: { y: BASE, slope: 0 },
    xSize: SIZE,
    fontSize: SIZE,
    xHeight,
    words: words.map(([text, left, right, confidence = 40]) => ({
      text,
      box: [left, 8, right, BASE],
      confidence,
    })),
  };
}

describe('readBullets', () => {
  it('reads a filled dot read as a letter as a bullet, as sure as the words beside it', () => {
    const page = image(disc(20, 26, 7), rect(60, 10, 120, BASE));
    const [read] = readBullets(
      [
        line([
          ['e', 12, 28, 55],
          ['Item', 60, 120, 92],
        ]),
      ],
      page,
    );
    expect(read.words.map((w) => w.text)).toEqual(['•', 'Item']);
    expect(read.words[0].confidence).toBe(92);
  });

  it('reads a filled square the same way', () => {
    const [read] = readBullets([line([['¢', 12, 26]])], image(rect(13, 20, 24, 31)));
    expect(read.words[0].text).toBe('•');
  });

  it('reads a solid triangle read as ">" as a bullet, and keeps a chevron drawn in strokes', () => {
    const page = image(triangle(12, 24, 18, 20), chevron(62, 24, 18, 20));
    const words: [string, number, number][] = [
      ['>', 10, 32],
      ['>', 60, 82],
    ];
    const [read] = readBullets([line(words)], page);
    expect(read.words.map((w) => w.text)).toEqual(['•', '>']);
  });

  it("keeps a letter whose strokes leave its box open, a full stop on the baseline and a dash's bar", () => {
    const page = image(ring(20, 26, 8), rect(60, BASE - 4, 64, BASE), rect(100, 24, 130, 28));
    const words: [string, number, number][] = [
      ['o', 10, 30],
      ['.', 58, 66],
      ['-', 98, 132],
    ];
    const [read] = readBullets([line(words)], page);
    expect(read.words.map((w) => w.text)).toEqual(['o', '.', '-']);
  });

  it('keeps a word of more than two characters, however its ink looks', () => {
    const [read] = readBullets([line([['eee', 12, 28]])], image(disc(20, 26, 7)));
    expect(read.words[0].text).toBe('eee');
  });

  describe('a hollow round bullet ("◦") read as a letter', () => {
    /** The line's x-height: a letter "o" is this high. */
    const X_HEIGHT = 20;

    it('is read as "◦" where it starts its line, smaller than a letter, the item a marker\'s gap after it', () => {
      const page = image(ring(18, 28, 6), rect(60, 16, 120, BASE));
      const [read] = readBullets(
        [
          line(
            [
              ['o', 12, 24, 56],
              ['Item', 60, 120, 92],
            ],
            X_HEIGHT,
          ),
        ],
        page,
      );
      expect(read.words.map((w) => w.text)).toEqual(['◦', 'Item']);
      expect(read.words[0].confidence).toBe(92);
    });

    it('keeps a letter "o" as high as the x-height, one a word space from the next word, or inside the line', () => {
      const letter = image(ring(20, 26, 10), rect(60, 16, 120, BASE));
      const [asHigh] = readBullets(
        [
          line(
            [
              ['o', 10, 30],
              ['Item', 60, 120],
            ],
            X_HEIGHT,
          ),
        ],
        letter,
      );
      expect(asHigh.words[0].text).toBe('o');

      const close = image(ring(18, 28, 6), rect(34, 16, 120, BASE));
      const [spaced] = readBullets(
        [
          line(
            [
              ['o', 12, 24],
              ['Item', 34, 120],
            ],
            X_HEIGHT,
          ),
        ],
        close,
      );
      expect(spaced.words[0].text).toBe('o');

      const inside = image(rect(2, 16, 40, BASE), ring(78, 28, 6), rect(120, 16, 180, BASE));
      const words: [string, number, number][] = [
        ['Say', 2, 40],
        ['o', 72, 84],
        ['Item', 120, 180],
      ];
      const [within] = readBullets([line(words, X_HEIGHT)], inside);
      expect(within.words.map((w) => w.text)).toEqual(['Say', 'o', 'Item']);
    });

    it('is not guessed where Tesseract gives the line no x-height', () => {
      const page = image(ring(18, 28, 6), rect(60, 16, 120, BASE));
      const [read] = readBullets(
        [
          line([
            ['o', 12, 24],
            ['Item', 60, 120],
          ]),
        ],
        page,
      );
      expect(read.words[0].text).toBe('o');
    });
  });
});
