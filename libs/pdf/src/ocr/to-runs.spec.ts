import { describe, expect, it } from '@jest/globals';
import { PagePath } from '../model.js';
import { OcrLine, OcrWord } from './hocr.js';
import { ocrRuns, ocrWords } from './to-runs.js';

/** One line of words at 1 pixel per point, x-height 10, on a page 800 points high. */
function line(words: [string, number, number][]): OcrLine {
  const box: OcrLine['box'] = [words[0][1], 100, words[words.length - 1][2], 112];
  const ocrWords: OcrWord[] = words.map(([text, left, right]) => ({
    text,
    box: [left, 100, right, 112],
    confidence: 95,
  }));
  return { box, baseline: { y: 110, slope: 0 }, xSize: 10, fontSize: 10, words: ocrWords };
}

/** A vertical rule at x, from y 90 to 130 in image pixels (page space flipped). */
const rule = (x: number): PagePath => ({
  bbox: [x, 800 - 130, x + 1, 800 - 90],
  stroked: false,
  filled: true,
  straight: true,
});

/** A line of one long word with its baseline at `y` and the given font size (pixels, 1 per point). */
function sized(text: string, y: number, fontSize: number): OcrLine {
  const box: OcrLine['box'] = [0, y - 10, 300, y + 2];
  return { box, baseline: { y, slope: 0 }, xSize: 10, fontSize, words: [{ text, box, confidence: 95 }] };
}

describe('ocrRuns', () => {
  it("sets a line misjudged larger inside a paragraph at its paragraph's size, but not a heading standing apart", () => {
    const sizes = (lines: OcrLine[]) => ocrRuns(lines, 1, 800).map((r) => r.size);
    const paragraph = (middle: number, gap: number) => [
      sized('first line of the paragraph', 100, 10),
      sized('second line, read a size larger', 100 + gap, middle),
      sized('third line of the paragraph', 100 + 2 * gap, 10),
      sized('fourth line of the paragraph', 100 + 3 * gap, 10),
    ];
    // 12% off is the same size anyway; 20% off is steadied only between lines at a paragraph's leading.
    expect(sizes(paragraph(11.2, 13))).toEqual([10, 10, 10, 10]);
    expect(sizes(paragraph(12, 13))).toEqual([10, 10, 10, 10]);
    expect(sizes(paragraph(12, 30))).toEqual([10, 12, 10, 10]);
    // Larger still, it is a larger line whatever stands around it.
    expect(sizes(paragraph(13, 13))).toEqual([10, 13, 10, 10]);
  });

  it("sets a paragraph's last line, misjudged smaller, at its paragraph's size", () => {
    const sizes = (lines: OcrLine[]) => ocrRuns(lines, 1, 800).map((r) => r.size);
    const lines = [
      sized('first line of the paragraph', 100, 10),
      sized('second line of the paragraph', 113, 10),
      sized('last.', 126, 8.5),
    ];
    expect(sizes(lines)).toEqual([10, 10, 10]);
    // A line below it that is not of the paragraph's size leaves it as measured.
    expect(sizes([...lines, sized('next line, smaller', 139, 8.5)])).toEqual([10, 10, 8.5, 8.5]);
  });

  it("keeps a table's lines set smaller than the body apart from it, the body's size as measured, not rounded", () => {
    const sizes = (lines: OcrLine[]) => ocrRuns(lines, 1, 800).map((r) => r.size);
    // The body measures 10.67 (10.5 rounded); the table's rows 9.33, 12.5% smaller.
    const body = [100, 114, 128, 142, 156].map((y) => sized('a line of the body text of the page', y, 10.67));
    const table = [200, 214, 228].map((y) => sized('Growth 204 15.3', y, 9.33));
    expect(sizes([...body, ...table])).toEqual([10.5, 10.5, 10.5, 10.5, 10.5, 9.5, 9.5, 9.5]);
  });

  it('joins words a word space apart into one run, and parts them at a wide gap', () => {
    const runs = ocrRuns(
      [
        line([
          ['Annual', 0, 30],
          ['report', 34, 64],
          ['2024', 120, 140],
        ]),
      ],
      1,
      800,
    );
    expect(runs.map((r) => r.text)).toEqual(['Annual report', '2024']);
    expect(runs[0]).toMatchObject({ x0: 0, x1: 64, base: 690, rtl: false });
  });

  it('keeps a phrase one run across a word read too doubtfully to keep, but not across a narrow mark', () => {
    const read = line([
      ['written', 0, 40],
      ['in', 94, 104],
    ]);
    // A word of another script stood between them (its box kept, its text not); further on, a mark
    // as narrow as a bar between two cells.
    const across = { ...read, unread: [[44, 100, 90, 112]] as OcrLine['unread'] };
    expect(ocrRuns([across], 1, 800).map((r) => r.text)).toEqual(['written in']);
    const mark = { ...read, unread: [[66, 100, 68, 112]] as OcrLine['unread'] };
    expect(ocrRuns([mark], 1, 800).map((r) => r.text)).toEqual(['written', 'in']);
  });

  it('parts two words a vertical rule stands between, and drops the rule read as a bar', () => {
    const words = line([
      ['Harbour', 0, 40],
      ['|', 43, 45],
      ['812', 47, 62],
    ]);
    expect(ocrRuns([words], 1, 800).map((r) => r.text)).toEqual(['Harbour | 812']);
    expect(ocrRuns([words], 1, 800, [rule(44)]).map((r) => r.text)).toEqual(['Harbour', '812']);
  });

  it("drops a bar whose box stops short of the rule's middle, but not a bar a word's width away", () => {
    const words = line([
      ['VARCHAR(30)', 0, 40],
      ['|', 42, 45],
    ]);
    expect(ocrRuns([words], 1, 800, [rule(46)]).map((r) => r.text)).toEqual(['VARCHAR(30)']);
    expect(ocrRuns([words], 1, 800, [rule(55)]).map((r) => r.text)).toEqual(['VARCHAR(30) |']);
  });

  it('orders a right-to-left line from its right end', () => {
    const runs = ocrRuns(
      [
        line([
          ['עולם', 0, 30],
          ['שלום', 34, 60],
        ]),
      ],
      1,
      800,
    );
    expect(runs).toEqual([expect.objectContaining({ text: 'שלום עולם', rtl: true })]);
  });

  it('gives one run per word for finding rules', () => {
    expect(
      ocrWords(
        [
          line([
            ['Annual', 0, 30],
            ['report', 34, 64],
          ]),
        ],
        1,
        800,
      ).map((r) => r.text),
    ).toEqual(['Annual', 'report']);
  });
});
