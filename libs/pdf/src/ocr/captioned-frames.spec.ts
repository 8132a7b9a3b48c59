import { describe, expect, it } from '@jest/globals';
import { PagePath } from '../model.js';
import { captionedFrames } from './captioned-frames.js';
import { OcrLine } from './hocr.js';

// A page 600 points high read at one pixel a point (image y runs down from the top). A frame of
// rules from (100, 300) to (400, 500) in page points: image rows 100 to 300.
const HEIGHT = 600;
const rule = (bbox: PagePath['bbox']): PagePath => ({ bbox, stroked: false, filled: true, straight: true });
const frame = [rule([100, 300, 400, 301]), rule([100, 499, 400, 500]), rule([100, 300, 101, 500])];
const closed = [...frame, rule([399, 300, 400, 500])];

/** A line of 10-pixel text at image row `top`, its words `[text, gap before]` from x = 100. */
function line(top: number, words: [string, number][]): OcrLine {
  let x = 100;
  const placed = words.map(([text, gap]) => {
    x += gap;
    const box: [number, number, number, number] = [x, top, x + 6 * text.length, top + 10];
    x = box[2];
    return { text, box, confidence: 90 };
  });
  return {
    box: [100, top, x, top + 10],
    baseline: { y: top + 8, slope: 0 },
    xSize: 10,
    fontSize: 10,
    words: placed,
  };
}

const spaced = (...texts: string[]): [string, number][] => texts.map((t, i) => [t, i ? 3 : 0]);

describe('captionedFrames', () => {
  it('takes a closed frame with a figure caption set just below it, its label standing apart', () => {
    const caption = line(306, [
      ['Figure', 0],
      ['3-1', 3],
      ['Column', 9],
      ['masks', 3],
      ['shown', 3],
    ]);
    expect(captionedFrames(closed, [caption], 1, HEIGHT)).toEqual([[100, 300, 399, 500]]);
  });

  it('takes a frame whose caption, labelled with a stop or colon, stands above it', () => {
    const caption = line(84, spaced('Figure', '2:', 'Layout', 'of', 'the', 'form'));
    expect(captionedFrames(closed, [caption], 1, HEIGHT)).toHaveLength(1);
  });

  it('leaves frames captioned as tables, referred to in a sentence, open on a side or far off', () => {
    const sentence = line(306, spaced('Figure', '3-1', 'shows', 'the', 'masks', 'that'));
    const table = line(306, spaced('Table', '2-1:', 'Column', 'masks'));
    const caption = line(306, spaced('Figure', '3-1:', 'Column', 'masks'));
    const far = line(360, spaced('Figure', '3-1:', 'Column', 'masks'));
    expect(captionedFrames(closed, [sentence, table, far], 1, HEIGHT)).toEqual([]);
    expect(captionedFrames(frame, [caption], 1, HEIGHT)).toEqual([]);
  });
});
