import { describe, expect, it } from '@jest/globals';
import { columnStarts } from './column-starts.js';
import { OcrLine, OcrWord } from './hocr.js';

/** A line of words `[text, left, right]` with its baseline at `y`, font size 10 (pixels). */
function line(y: number, words: [string, number, number][]): OcrLine {
  const box: OcrLine['box'] = [words[0][1], y - 8, words[words.length - 1][2], y + 2];
  const ocrWords: OcrWord[] = words.map(([text, left, right]) => ({
    text,
    box: [left, y - 8, right, y + 2],
    confidence: 95,
  }));
  return { box, baseline: { y, slope: 0 }, xSize: 10, fontSize: 10, words: ocrWords };
}

const PHRASE_GAP = 0.8;
const started = (lines: OcrLine[]) =>
  [...columnStarts(lines, PHRASE_GAP)].map(([word, x]) => `${word.text}@${x}`).sort();

/**
 * A tight table's rows: the second column starts at 100 (a pixel either way), 3 pixels after the
 * widest first cell; the third at 170.
 */
const table = [
  line(100, [
    ['Region', 10, 50],
    ['Station', 100, 140],
    ['Rain', 170, 190],
  ]),
  line(115, [
    ['North', 10, 45],
    ['coast', 48, 97],
    ['Harbour', 100, 150],
    ['812', 170, 185],
  ]),
  line(130, [
    ['Inland', 10, 50],
    ['Ridge', 101, 130],
    ['1204', 170, 190],
  ]),
  line(145, [
    ['Islands', 10, 52],
    ['Lighthouse', 99, 160],
    ['977', 170, 185],
  ]),
];
const secondColumn = ['Harbour@100', 'Lighthouse@100', 'Ridge@100', 'Station@100'];

describe('columnStarts', () => {
  it("starts a column where words line up after wide gaps, and after the widest cell a word space before it, at the column's x", () => {
    expect(started(table).filter((s) => s.endsWith('@100'))).toEqual(secondColumn);
    expect(started(table).filter((s) => s.endsWith('@170'))).toHaveLength(4);
  });

  it('leaves words of a paragraph that line up by chance alone: no gap wider than a word space', () => {
    const prose = [100, 114, 128, 142].map((y) =>
      line(y, [
        ['words', 10, 40],
        ['that', 44, 70],
        ['line', 74, 96],
        ['up', 100, 112],
        ['here', 116, 140],
      ]),
    );
    expect(started(prose)).toEqual([]);
  });

  it("leaves alone a paragraph's word under a table where a column starts", () => {
    const below = line(165, [
      ['The', 10, 30],
      ['results', 34, 96],
      ['follow', 100, 140],
    ]);
    expect(started([...table, below]).filter((s) => s.endsWith('@100'))).toEqual(secondColumn);
  });

  it('leaves a header centred over two columns whole, though one of its words lands where a column starts', () => {
    // "Measured values" centred over the columns starting at 60 and 100: its cell starts at 64, not 60.
    const header = line(100, [
      ['Place', 10, 40],
      ['Measured', 64, 97],
      ['values', 100, 125],
    ]);
    const rows = [115, 130, 145].map((y, i) =>
      line(y, [
        [`Site${i}`, 10, 30],
        [`${i}0`, 60, 70],
        [`${i}5`, 100, 110],
      ]),
    );
    expect(started([header, ...rows])).not.toContain('values@100');
    expect(started([header, ...rows]).filter((s) => s.endsWith('@100'))).toHaveLength(3);
  });

  it('never parts syllables set a pixel or two apart', () => {
    // The column's second row: a word in Hangul read as two, a pixel apart.
    const rows = [100, 115, 130, 145].map((y, i) =>
      line(
        y,
        i === 1
          ? [
              ['격리', 10, 99],
              ['가', 100, 120],
              ['개정', 170, 200],
            ]
          : [
              ['예방', 10, 50],
              ['관리', 100, 140],
              ['개정', 170, 200],
            ],
      ),
    );
    expect(started(rows).filter((s) => s.endsWith('@100'))).toEqual(['관리@100', '관리@100', '관리@100']);
  });
});
