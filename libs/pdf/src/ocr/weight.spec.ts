import { describe, expect, it } from '@jest/globals';
import { OcrLine } from './hocr.js';
import { GrayImage } from './render.js';
import { markBold } from './weight.js';

const WIDTH = 600;
const HEIGHT = 400;

/**
 * A word drawn as a row of vertical stems `stroke` pixels thick, as a letter's stems are; a stem
 * starting or ending inside a pixel shades it by the share it covers, as a renderer does.
 */
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
      const from = left + stem * 3 * stroke;
      const to = from + stroke;
      for (let x = Math.floor(from); x < to; x++) {
        const covered = Math.min(x + 1, to) - Math.max(x, from);
        for (let y = top; y < top + height; y++) gray[y * WIDTH + x] = Math.round(255 * (1 - covered));
      }
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
  phase = 0,
): { line: OcrLine; drawn: DrawnWord[] } {
  const drawn = Array.from({ length: count }, (_, i) => ({
    left: 10 + i * 140 + phase,
    top,
    height,
    stroke,
  }));
  const words = drawn.map((d) => ({
    text: 'word',
    box: [Math.floor(d.left) - 1, top, Math.ceil(d.left + 15 * stroke) + 1, top + height - 1] as [
      number,
      number,
      number,
      number,
    ],
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

  it('marks a line set a fifth heavier throughout, a semibold face, when it has letters enough to tell', () => {
    // Four words of four Hangul syllables: each syllable's strokes count as three letters' stems.
    const semibold = line(40, 4, 2.4);
    for (const word of semibold.line.words) word.text = '보험약관';
    expect(weigh(semibold, ...body())).toEqual([true, false, false, false]);
    // Four Latin words of four letters are too few: a fifth is within the error of a few words.
    expect(weigh(line(40, 4, 2.4), ...body())).toEqual([false, false, false, false]);
  });

  it('leaves a passage set a little heavier throughout regular: no line of it is heavier than its neighbours', () => {
    const hangul = (made: ReturnType<typeof line>) => {
      for (const word of made.line.words) word.text = '보험약관';
      return made;
    };
    const regular = [100, 140, 180, 220].map((top) => hangul(line(top, 4, 2)));
    const heavier = [260, 300].map((top) => hangul(line(top, 4, 2.4)));
    expect(weigh(...regular, ...heavier)).toEqual([false, false, false, false, false, false]);
  });

  it('weighs a line whose text height is misjudged by a tenth against the body height', () => {
    const misjudged = line(40, 4, 2);
    for (const word of misjudged.line.words) word.text = '보험약관';
    misjudged.line.xSize = 26.5;
    expect(weigh(misjudged, ...body())).toEqual([false, false, false, false]);
  });

  it('weighs a word of one Hangul syllable, as many stems as a word of three letters', () => {
    const syllables = line(40, 3, 4);
    for (const word of syllables.line.words) word.text = '법';
    expect(weigh(syllables, ...body())).toEqual([true, false, false, false]);
  });

  it('reads stems to a fraction of a pixel, wherever they fall on the pixel grid', () => {
    // Stems 2.5 px wide: one starting a quarter into a pixel covers three pixels more than half, one
    // starting three quarters in covers two, so in whole pixels a line of the first read half again
    // as thick as a body of the second.
    const quarterIn = line(40, 3, 2.5, 30, 0.25);
    const body = () => [100, 140, 180].map((top) => line(top, 4, 2.5, 30, 0.75));
    expect(weigh(quarterIn, ...body())).toEqual([false, false, false, false]);
    expect(weigh(line(40, 3, 4, 30, 0.25), ...body())).toEqual([true, false, false, false]);
  });

  it('weighs words printed in grey against their own paper and ink', () => {
    const grey = (image: GrayImage) => ({ ...image, gray: image.gray.map((g) => 150 + (g * 105) / 255) });
    const made = [line(40, 3, 4), ...body()];
    const read = markBold(
      made.map((m) => m.line),
      grey(page(made.flatMap((m) => m.drawn))),
    );
    expect(read.map((l) => l.bold === true)).toEqual([true, false, false, false]);
  });

  it('marks nothing on a page with too few letters to know its body weight', () => {
    expect(weigh(line(40, 1, 4), line(100, 2, 2))).toEqual([false, false]);
  });

  it('weighs light letters on a dark ground by their own strokes, not the ground between them', () => {
    /** A band around the line painted dark and its stems light: a banner, a dark panel's text. */
    const inverted = (image: GrayImage, { top, height }: { top: number; height: number }) => {
      const gray = image.gray.slice();
      for (let i = top * WIDTH; i < (top + height) * WIDTH; i++) gray[i] = 255 - gray[i];
      return { ...image, gray };
    };
    for (const [stroke, bold] of [
      [2, false],
      [4, true],
    ] as const) {
      const made = [line(40, 3, stroke), ...body()];
      const image = inverted(page(made.flatMap((m) => m.drawn)), { top: 34, height: 42 });
      const read = markBold(
        made.map((m) => m.line),
        image,
      );
      expect(read.map((l) => l.bold === true)).toEqual([bold, false, false, false]);
    }
  });
});
