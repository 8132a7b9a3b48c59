import { describe, expect, it } from '@jest/globals';
import { textRun } from '../testing/text-runs.js';
import { rulesFromPixels } from './rules.js';

/** A white 300 x 200 pixel image at 1 pixel per point (page 200 pt high). */
function sheet(): { gray: Uint8Array; ink: (x0: number, y0: number, x1: number, y1: number) => void } {
  const gray = new Uint8Array(300 * 200).fill(255);
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) gray[y * 300 + x] = 30;
  };
  return { gray, ink };
}

describe('rulesFromPixels', () => {
  it('finds thin long lines both ways, in page points, bridging a speck-sized break', () => {
    const { gray, ink } = sheet();
    ink(10, 20, 200, 21); // a horizontal rule 2 px thick...
    gray[20 * 300 + 100] = 255; // ...with a pixel missing
    gray[21 * 300 + 100] = 255;
    ink(50, 40, 50, 150); // a vertical rule
    const paths = rulesFromPixels(gray, 300, 200, 1, 200, []);
    expect(paths.map((p) => p.bbox)).toEqual([
      [10, 178, 201, 180],
      [50, 49, 51, 160],
    ]);
    expect(paths.every((p) => p.straight && p.filled)).toBe(true);
  });

  it('leaves out short strokes, thick bars and strokes inside recognised words', () => {
    const { gray, ink } = sheet();
    ink(10, 20, 25, 20); // shorter than a rule
    ink(10, 60, 200, 80); // a bar 21 px thick
    ink(120, 150, 120, 190); // a tall glyph stem, inside a word
    const word = textRun('Illustration', 100, 15, { size: 40 }); // from y 7 to 47 in page points
    expect(rulesFromPixels(gray, 300, 200, 1, 200, [word])).toEqual([]);
  });

  it('keeps a column rule that Tesseract read as a bar where it crosses a line', () => {
    const { gray, ink } = sheet();
    ink(150, 40, 150, 150); // the rule: page y 50 to 160
    // The bar read on one line of a cell (page y 98 to 108): the rule reaches far beyond it.
    const bar = textRun('|', 149, 100, { size: 10, x1: 152 });
    expect(rulesFromPixels(gray, 300, 200, 1, 200, [bar]).map((p) => p.bbox)).toEqual([[150, 49, 151, 160]]);
    // A letter that holds the whole run (a big light "l") still takes it as its stroke.
    const letter = textRun('l', 145, 60, { size: 140, x1: 155 });
    expect(rulesFromPixels(gray, 300, 200, 1, 200, [letter])).toEqual([]);
  });

  it('finds no rules between the light letters of a dark panel', () => {
    const { gray, ink } = sheet();
    ink(100, 20, 203, 179); // a dark panel, its edges 4 px wider than the letters...
    // ...with lines of light letters, 2 px apart: between them the panel runs down in thin dark strips.
    for (let y = 24; y + 4 < 180; y += 14) {
      for (let x = 104; x + 9 < 200; x += 12) {
        for (let dy = 0; dy < 5; dy++) gray.fill(255, (y + dy) * 300 + x, (y + dy) * 300 + x + 10);
      }
    }
    expect(rulesFromPixels(gray, 300, 200, 1, 200, [])).toEqual([]);
    // A rule drawn on the paper beside the panel is still one.
    ink(220, 20, 220, 179);
    expect(rulesFromPixels(gray, 300, 200, 1, 200, []).map((p) => p.bbox)).toEqual([[220, 20, 221, 180]]);
  });
});
