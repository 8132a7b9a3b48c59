import { describe, expect, it } from '@jest/globals';
import { OcrLine } from './hocr.js';
import { GrayImage } from './render.js';
import { Paint, disc, paintedImage, rect } from '../testing/painted-image.js';
import { addUnreadBullets } from './unread-bullets.js';

const WIDTH = 400;
const HEIGHT = 200;
/** Text 40 pixels from ascender to descender, lowercase letters 20 high. */
const X_HEIGHT = 20;
const BASES = [60, 120, 180];

const image = (...shapes: Paint[]): GrayImage => paintedImage(WIDTH, HEIGHT, ...shapes);

/** One word from `left` to 300 standing on `base`: its box, and its letters' ink. */
function line(base: number, left = 100): OcrLine {
  return {
    box: [left, base - 30, 300, base + 10],
    baseline: { y: base, slope: 0 },
    xSize: 2 * X_HEIGHT,
    fontSize: 2 * X_HEIGHT,
    xHeight: X_HEIGHT,
    words: [{ text: 'Item', box: [left, base - 30, 300, base], confidence: 90 }],
  };
}
const letters = (base: number, left = 100) => rect(left, base - X_HEIGHT, 300, base);
/** A word processor's small bullet: 8 pixels across, its centre half the x-height up. */
const bullet = (base: number, cx = 60) => disc(cx, base - X_HEIGHT / 2, 4);

const texts = (lines: OcrLine[]) => lines.map((l) => l.words.map((w) => w.text).join(' '));

describe('addUnreadBullets', () => {
  it("puts a bullet before each item of a list whose small dots Tesseract dropped, on the dots' place", () => {
    const page = image(...BASES.flatMap((b) => [letters(b), bullet(b)]));
    const read = addUnreadBullets(
      BASES.map((b) => line(b)),
      page,
    );
    expect(texts(read)).toEqual(['• Item', '• Item', '• Item']);
    expect(read[0].words[0].box).toEqual([56, 46, 64, 54]);
    expect(read[0].box[0]).toBe(56);
  });

  it('keeps a lone dot out: a speck is not a list, nor are dots at different places', () => {
    const lone = image(letters(60), bullet(60), letters(120));
    expect(texts(addUnreadBullets([line(60), line(120)], lone))).toEqual(['Item', 'Item']);

    const apart = image(letters(60), bullet(60, 40), letters(120), bullet(120, 80));
    expect(texts(addUnreadBullets([line(60), line(120)], apart))).toEqual(['Item', 'Item']);
  });

  it('leaves full stops on the baseline, dashes, and a dot beside other ink (the column before)', () => {
    const stops = image(...[60, 120].flatMap((b) => [letters(b), disc(60, b - 3, 3)]));
    expect(texts(addUnreadBullets([line(60), line(120)], stops))).toEqual(['Item', 'Item']);

    const dashes = image(...[60, 120].flatMap((b) => [letters(b), rect(51, b - 13, 68, b - 8)]));
    expect(texts(addUnreadBullets([line(60), line(120)], dashes))).toEqual(['Item', 'Item']);

    const crowded = image(
      ...[60, 120].flatMap((b) => [letters(b), bullet(b), rect(24, b - X_HEIGHT, 40, b)]),
    );
    expect(texts(addUnreadBullets([line(60), line(120)], crowded))).toEqual(['Item', 'Item']);
  });
});
