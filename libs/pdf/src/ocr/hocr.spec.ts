import { describe, expect, it } from '@jest/globals';
import { parseHocr } from './hocr.js';
import { ocrRuns } from './to-runs.js';
import { fewUsableChars, mostlyUndecodable, textQuality } from './text-quality.js';
import { textRun } from '../testing/text-runs.js';

const HOCR = `
<div class='ocr_page' id='page_1' title='image "x"; bbox 0 0 1275 1650; ppageno 0'>
 <span class='ocr_line' id='line_1_1' title="bbox 150 100 600 150; baseline 0.01 -10; x_size 50; x_descenders 10; x_ascenders 12">
  <span class='ocrx_word' id='word_1_1' title='bbox 150 100 300 140; x_wconf 96'>Fish</span>
  <span class='ocrx_word' id='word_1_2' title='bbox 330 100 600 150; x_wconf 91'>&amp;&#160;Chips</span>
 </span>
 <span class='ocr_caption' id='line_1_2' title="bbox 150 200 400 225; baseline 0 -5; x_size 25">
  <span class='ocrx_word' id='word_1_3' title='bbox 150 200 400 225; x_wconf 88'><strong>Table</strong></span>
 </span>
 <span class='ocr_line' id='line_1_3' title="bbox 150 300 160 310; baseline 0 0; x_size 10">
  <span class='ocrx_word' id='word_1_4' title='bbox 150 300 160 310; x_wconf 95'> </span>
 </span>
</div>`;

describe('parseHocr', () => {
  it('reads lines of every kind with their baseline, height and words, skipping empty ones', () => {
    const lines = parseHocr(HOCR);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      box: [150, 100, 600, 150],
      baseline: { y: 140, slope: 0.01 },
      xSize: 50,
      // 40 pixels of ascenders, as 72% of a font size.
      fontSize: expect.closeTo(40 / 0.72, 5) as number,
      // The text height less its ascenders and descenders.
      xHeight: 28,
      words: [
        { text: 'Fish', box: [150, 100, 300, 140], confidence: 96 },
        { text: '&\u00a0Chips', box: [330, 100, 600, 150], confidence: 91 },
      ],
    });
    expect(lines[1].words.map((w) => w.text)).toEqual(['Table']);
    // Without ascenders and descenders given, the x-height is not guessed.
    expect(lines[1].xHeight).toBeUndefined();
  });
});

describe('parseHocr on ideographic lines', () => {
  /** A line of Hangul words 46 px high, whatever text height Tesseract gives it. */
  const hangul = (y: number, xSize: number, descenders: number) =>
    `<span class='ocr_line' title="bbox 0 ${y} 600 ${y + 46}; baseline 0 -8; x_size ${xSize}; x_descenders ${descenders}">` +
    ['보험약관', '재해분류표', '개정']
      .map(
        (text, i) =>
          `<span class='ocrx_word' title='bbox ${i * 200} ${y} ${i * 200 + 150} ${y + 46}; x_wconf 90'>${text}</span>`,
      )
      .join('') +
    '</span>';

  it('drops the direction marks Tesseract ends a word read against its line with', () => {
    const hocr = `<span class='ocr_line' id='line_1_1' title="bbox 100 100 900 140; baseline 0 -8; x_size 40">
  <span class='ocrx_word' id='word_1_1' title='bbox 700 100 900 140; x_wconf 92'>הספר</span>
  <span class='ocrx_word' id='word_1_2' title='bbox 400 100 650 140; x_wconf 90' lang='eng' dir='ltr'>Python\u200f</span>
 </span>`;
    expect(parseHocr(hocr)[0].words.map((w) => w.text)).toEqual(['הספר', 'Python']);
  });

  it("sizes a line of Hangul by its words' height, not the text height Tesseract splits as for Latin", () => {
    const lines = parseHocr(hangul(100, 61, 15) + hangul(200, 97, 15));
    // Both lines are one size: their words' height, as 92% of a font size.
    expect(lines.map((l) => l.xSize)).toEqual([46, 46]);
    expect(lines.map((l) => l.fontSize)).toEqual([46 / 0.92, 46 / 0.92]);
    expect(lines.map((l) => l.xHeight)).toEqual([undefined, undefined]);
  });

  it('sizes a line of Latin words with a few Chinese characters by its text height', () => {
    const line =
      `<span class='ocr_line' title="bbox 0 0 600 50; baseline 0 -10; x_size 50; x_descenders 10">` +
      `<span class='ocrx_word' title='bbox 0 0 300 40; x_wconf 90'>Measured</span>` +
      `<span class='ocrx_word' title='bbox 320 0 400 30; x_wconf 90'>数据</span></span>`;
    expect(parseHocr(line)[0].fontSize).toBeCloseTo(40 / 0.72, 5);
  });
});

describe('ocrRuns', () => {
  it('places words in page points on their line baseline, sized by their ascenders', () => {
    // A 612 x 792 pt page rendered at 150 dpi: 150 / 72 pixels per point.
    const scale = 150 / 72;
    const runs = ocrRuns(parseHocr(HOCR), scale, 792);
    // Two words a word space apart are one phrase, as a born-digital line's words are one run.
    expect(runs.map((r) => r.text)).toEqual(['Fish &\u00a0Chips', 'Table']);
    const [fish, table] = runs;
    expect(fish.x0).toBeCloseTo(72, 5);
    expect(fish.x1).toBeCloseTo(288, 5);
    expect(fish.size).toBe(26.5); // 40 px of ascenders at 150 dpi, to half a point
    expect(table.size).toBe(12); // no descenders said: its text height
    // The baseline's slope is followed along the line, to the phrase's middle.
    expect(fish.base).toBeCloseTo(792 - (140 + 0.01 * 225) / scale, 5);
  });

  it('gives lines a pixel or two apart in height the same size', () => {
    const line = (y: number, xSize: number) =>
      `<span class='ocr_line' title="bbox 0 ${y} 500 ${y + 30}; baseline 0 -5; x_size ${xSize}">` +
      `<span class='ocrx_word' title='bbox 0 ${y} 500 ${y + 30}; x_wconf 90'>some words of body text</span></span>`;
    const runs = ocrRuns(
      parseHocr([line(0, 25), line(40, 26.5), line(80, 24), line(120, 40)].join('')),
      150 / 72,
      792,
    );
    expect(runs.map((r) => r.size)).toEqual([12, 12, 12, 19]);
  });

  it('sizes a line without descenders as one with them, by its ascenders', () => {
    // Tesseract guesses a shallow descender depth for "Subtitle", and measures "heading" deeper.
    const line = (y: number, xSize: number, descenders: number, text: string) =>
      `<span class='ocr_line' title="bbox 0 ${y} 500 ${y + 30}; baseline 0 -5; x_size ${xSize}; x_descenders ${descenders}">` +
      `<span class='ocrx_word' title='bbox 0 ${y} 500 ${y + 30}; x_wconf 90'>${text}</span></span>`;
    const runs = ocrRuns(parseHocr(line(0, 64, 8, 'Subtitle') + line(100, 71, 15, 'heading')), 300 / 72, 792);
    expect(runs[0].size).toBe(runs[1].size);
  });
});

describe('text quality', () => {
  const run = (text: string) => textRun(text, 0, 0);

  it('finds a text layer of private-use, replacement and control characters mostly undecodable', () => {
    const soup = textQuality([run('\uE041\uE042\uE043 \uFFFD\u0001 ab')]);
    expect(soup).toEqual({ chars: 7, undecodable: 5 });
    expect(mostlyUndecodable(soup)).toBe(true);
    expect(mostlyUndecodable(textQuality([run('An ordinary sentence with one \uE000 bullet.')]))).toBe(false);
  });

  it('counts a page stamp as no text layer', () => {
    expect(fewUsableChars(textQuality([run('Page 3')]))).toBe(true);
    expect(fewUsableChars(textQuality([run('A whole line of real text on the page.')]))).toBe(false);
  });
});
