import { describe, expect, it } from '@jest/globals';
import { OcrLine } from './hocr.js';
import { readListNumbers } from './list-numbers.js';
import { GrayImage } from './render.js';
import { Paint, disc, paintedImage, rect } from '../testing/painted-image.js';

const WIDTH = 300;
const HEIGHT = 60;
/** The baseline row; lowercase letters are 20 pixels high. */
const BASE = 36;
const X_HEIGHT = 20;

const image = (...shapes: Paint[]): GrayImage => paintedImage(WIDTH, HEIGHT, ...shapes);
/** A digit's ink: a bar as high as a capital. */
const digit = (x: number) => rect(x, BASE - 28, x + 12, BASE);
/** A full stop on the baseline, and a comma: the same dot with a tail hanging below it. */
const stop = (x: number) => disc(x, BASE - 3, 3);
const comma = (x: number): Paint => {
  const dot = stop(x);
  const tail = rect(x, BASE, x + 2, BASE + 8);
  return (px, py) => dot(px, py) || tail(px, py);
};

/** Words as [text, left, right]. */
function line(words: [string, number, number][]): OcrLine {
  return {
    box: [0, 4, WIDTH - 1, BASE + 10],
    baseline: { y: BASE, slope: 0 },
    xSize: 2 * X_HEIGHT,
    fontSize: 2 * X_HEIGHT,
    xHeight: X_HEIGHT,
    words: words.map(([text, left, right]) => ({ text, box: [left, 8, right, BASE + 10], confidence: 80 })),
  };
}

const texts = (lines: OcrLine[]) => lines[0].words.map((w) => w.text);

describe('readListNumbers', () => {
  it('reads a number whose full stop was read as a comma as the number, by the ink on the baseline', () => {
    const words: [string, number, number][] = [
      ['4,', 10, 32],
      ['Stable', 60, 140],
    ];
    expect(
      texts(readListNumbers([line(words)], image(digit(10), stop(28), rect(60, 16, 140, BASE)))),
    ).toEqual(['4.', 'Stable']);
    // A real comma keeps its tail below the baseline: "4, 5 and 6" is left as read.
    const withTail = image(digit(10), comma(28), rect(60, 16, 140, BASE));
    expect(texts(readListNumbers([line(words)], withTail))).toEqual(['4,', 'Stable']);
  });

  it('parts a number glued to the first word at the clear gap between them', () => {
    const page = image(digit(10), stop(28), rect(44, 8, 120, BASE));
    const [read] = readListNumbers(
      [
        line([
          ['1.For', 10, 120],
          ['this', 140, 180],
        ]),
      ],
      page,
    );
    expect(read.words.map((w) => [w.text, w.box[0], w.box[2]])).toEqual([
      ['1.', 10, 31],
      ['For', 44, 120],
      ['this', 140, 180],
    ]);
  });

  it('leaves decimals, a lone number and numbers inside a line', () => {
    const page = image(rect(10, 8, 60, BASE), rect(80, 8, 120, BASE));
    const read = (words: [string, number, number][]) => texts(readListNumbers([line(words)], page));
    expect(
      read([
        ['3,5', 10, 60],
        ['Pears', 80, 120],
      ]),
    ).toEqual(['3,5', 'Pears']);
    expect(read([['4,', 10, 60]])).toEqual(['4,']);
    expect(
      read([
        ['Pears', 10, 60],
        ['2.For', 80, 120],
      ]),
    ).toEqual(['Pears', '2.For']);
  });
});
