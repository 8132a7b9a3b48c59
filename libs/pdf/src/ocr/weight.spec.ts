import { describe, expect, it } from '@jest/globals';
import { OcrLine } from './hocr.js';
import { GrayImage } from './render.js';
import { markBold } from './weight.js';

const WIDTH = 600;
const HEIGHT = 400;

/** A word drawn as a row of vertical stems `stroke` pixels thick, as a letter's stems are. */
interface DrawnWord {
  left: number;
  top: number;
  height: number;
  stroke: number;
}

function page(words: DrawnWord[]): GrayImage {
  const gray = new Uint8Array(WIDTH * HEIGHT).fill(255);
  for (const { left, top, height, stroke } of words) {
    for (let stem = 0; stem < 5; stem++) {
      const x0 = left + stem * 3 * stroke;
      for (let y = top; y < top + height; y++) gray.fill(0, y * WIDTH + x0, y * WIDTH + x0 + stroke);
    }
  }
  return { gray, width: WIDTH, height: HEIGHT };
}

/** A line of `count` four-letter words drawn `stroke` thick and `height` high, from row `top`. */
function line(
  top: number,
  count: number,
  stroke: number,
  height = 30,
): { line: OcrLine; drawn: DrawnWord[] } {
  const drawn = Array.from({ length: count }, (_, i) => ({ left: 10 + i * 140, top, height, stroke }));
  const words = drawn.map((d) => ({
    text: 'word',
    box: [d.left, top, d.left + 15 * stroke, top + height - 1] as [number, number, number, number],
    confidence: 90,
  }));
  const box: OcrLine['box'] = [10, top, 10 + count * 140, top + height - 1];
  return {
    line: { box, baseline: { y: top + height, slope: 0 }, xSize: height, fontSize: height, words },
    drawn,
  };
}

function weigh(...made: { line: OcrLine; drawn: DrawnWord[] }[]): boolean[] {
  const read = markBold(
    made.map((m) => m.line),
    page(made.flatMap((m) => m.drawn)),
  );
  return read.map((l) => l.bold === true);
}

describe('markBold', () => {
  const body = () => [line(100, 4, 2), line(140, 4, 2), line(180, 4, 2)];

  it('marks a line whose stems are thicker than the body text for their height', () => {
    expect(weigh(line(40, 3, 4), ...body())).toEqual([true, false, false, false]);
  });

  it('leaves a line set larger in the regular weight regular', () => {
    // Stems twice as thick on text twice as high: the same weight.
    expect(weigh(line(20, 3, 4, 60), ...body())).toEqual([false, false, false, false]);
  });

  it('leaves a line with a bold lead-in regular', () => {
    const lead = line(40, 4, 2);
    const bold = line(40, 1, 4);
    lead.line.words[0] = bold.line.words[0];
    lead.drawn[0] = bold.drawn[0];
    expect(weigh(lead, ...body())).toEqual([false, false, false, false]);
  });

  it('marks nothing on a page with too few letters to know its body weight', () => {
    expect(weigh(line(40, 1, 4), line(100, 2, 2))).toEqual([false, false]);
  });
});
