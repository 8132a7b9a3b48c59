import { describe, expect, it } from '@jest/globals';
import { OcrLine, OcrWord } from './hocr.js';
import { GrayImage } from './render.js';
import { markItalic, slantOf } from './slant.js';

const WIDTH = 700;
const HEIGHT = 200;

/** Words of five stems 3 px thick and 30 px tall, each leaning `lean` pixels right per pixel up. */
function page(words: { left: number; top: number; lean: number }[]): GrayImage {
  const gray = new Uint8Array(WIDTH * HEIGHT).fill(255);
  for (const { left, top, lean } of words) {
    for (let stem = 0; stem < 5; stem++) {
      for (let y = 0; y < 30; y++) {
        const from = left + stem * 10 + lean * (29 - y);
        for (let x = Math.round(from); x < Math.round(from) + 3; x++) gray[(top + y) * WIDTH + x] = 0;
      }
    }
  }
  return { gray, width: WIDTH, height: HEIGHT };
}

function word(left: number, top: number, text = 'words'): OcrWord {
  return { text, box: [left - 2, top - 2, left + 60, top + 32], confidence: 90 };
}

function line(words: OcrWord[]): OcrLine {
  const box: OcrLine['box'] = [
    words[0].box[0],
    words[0].box[1],
    words[words.length - 1].box[2],
    words[0].box[3],
  ];
  return { box, baseline: { y: box[3], slope: 0 }, xSize: 30, fontSize: 40, words };
}

describe('slantOf', () => {
  it('reads upright stems as upright and leaning ones as italic, whatever their lean', () => {
    const leans = [0, 0.15, 0.21, 0.27];
    const image = page(leans.map((lean, i) => ({ left: 20 + i * 120, top: 40, lean })));
    const slants = leans.map((_, i) => slantOf(word(20 + i * 120, 40), image)!);
    expect(slants[0]).toBeLessThan(1);
    for (const slant of slants.slice(1)) expect(slant).toBeGreaterThan(1.5);
  });

  it('does not measure a word of too few letters', () => {
    const image = page([{ left: 20, top: 40, lean: 0.2 }]);
    expect(slantOf(word(20, 40, 'of'), image)).toBeNull();
  });
});

describe('markItalic', () => {
  it('marks a line whose words lean, not one with a single emphasised word among upright ones', () => {
    const lefts = [20, 140, 260, 380, 500];
    const italic = lefts.map((left) => ({ left, top: 20, lean: 0.2 }));
    const emphasis = lefts.map((left, i) => ({ left, top: 100, lean: i === 2 ? 0.2 : 0 }));
    const image = page([...italic, ...emphasis]);
    const lines = [line(lefts.map((l) => word(l, 20))), line(lefts.map((l) => word(l, 100)))];
    expect(markItalic(lines, image).map((l) => l.italic === true)).toEqual([true, false]);
  });
});
