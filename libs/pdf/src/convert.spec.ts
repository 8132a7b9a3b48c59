import { describe, expect, it, jest } from '@jest/globals';
import { convertPdf } from './convert.js';
import { PdfConversionError } from './errors.js';
import { rgb } from 'pdf-lib';
import { PdfFixture, hostilePdf, tinyPng } from './testing/pdf-fixtures.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et';

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('convertPdf', () => {
  it('reads two columns left then right, below a full-width heading', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, ['Results of the study'], 72, 720, 18, true);
    const left = [
      'left column first line of running text goes here',
      'left column second line of the text',
      'left column ends here.',
    ];
    const right = [
      'right column first line of running text goes on',
      'right column second line of the text',
      'right column ends here.',
    ];
    f.lines(page, left, 72, 680);
    f.lines(page, right, 320, 680);
    const { markdown, assets } = await convertPdf(await f.bytes());
    expect(markdown).toContain('Results of the study');
    expect(markdown.indexOf('left column ends here.')).toBeLessThan(
      markdown.indexOf('right column first line'),
    );
    expect(markdown).toContain(left.join(' '));
    expect(markdown).toContain(right.join(' '));
    expect(assets.outline).toEqual([{ level: expect.any(Number), text: 'Results of the study', page: 1 }]);
  });

  it('marks larger and bold lines as headings and joins hyphenated words', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, ['1 Introduction'], 72, 720, 14, true);
    f.lines(page, ['The engine makes the conver-', 'sion of documents simple.'], 72, 690);
    f.lines(page, ['Method details'], 72, 640, 10, true);
    f.lines(page, ['Plain text follows the heading.'], 72, 620);
    const { markdown } = await convertPdf(await f.bytes());
    expect(markdown).toMatch(/^## 1 Introduction$/m);
    expect(markdown).toMatch(/^#{2,3} Method details$/m);
    expect(markdown).toContain('The engine makes the conversion of documents simple.');
  });

  it('drops running headers and page numbers that repeat on every page', async () => {
    const f = await PdfFixture.create();
    for (let n = 1; n <= 3; n++) {
      const page = f.page();
      f.lines(page, ['Annual Report 2024'], 72, 760, 9);
      f.lines(page, [`Body text of page ${n} goes here.`, LOREM], 72, 700);
      f.lines(page, [String(n)], 300, 40, 9);
    }
    const { markdown } = await convertPdf(await f.bytes());
    expect(markdown).not.toContain('Annual Report');
    expect(markdown).not.toMatch(/^\d$/m);
    expect(markdown).toContain('Body text of page 3 goes here.');
  });

  it('writes bulleted and numbered lists', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, ['Things to bring:'], 72, 720);
    f.lines(page, ['\u2022 a pencil', '\u2022 an eraser'], 72, 700);
    f.lines(page, ['1. first step', '2. second step'], 72, 650);
    const { markdown } = await convertPdf(await f.bytes());
    expect(markdown).toContain('- a pencil\n- an eraser');
    expect(markdown).toContain('1. first step\n2. second step');
  });

  it('rebuilds a ruled table as a pipe table', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    const xs = [72, 192, 312];
    const ys = [700, 680, 660, 640];
    for (const y of ys) f.line(page, xs[0], y, xs[2], y);
    for (const x of xs) f.line(page, x, ys[0], x, ys[3]);
    const cells = [
      ['Name', 'Score'],
      ['Alice', '91'],
      ['Bob', '78'],
    ];
    cells.forEach((row, r) => row.forEach((text, c) => f.lines(page, [text], xs[c] + 5, ys[r] - 14)));
    const { markdown, assets } = await convertPdf(await f.bytes());
    expect(markdown).toContain('| Name | Score |\n| - | - |\n| Alice | 91 |\n| Bob | 78 |');
    expect(assets.tables).toHaveLength(1);
  });

  it('rebuilds a table drawn as shaded cells without lines', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    const cells = [
      ['Name', 'Score', 'Rank'],
      ['Alice', '91', '1'],
      ['Bob', '78', '2'],
    ];
    cells.forEach((row, r) =>
      row.forEach((text, c) => {
        const [x, y] = [72 + c * 100, 680 - r * 24];
        page.drawRectangle({ x, y, width: 100, height: 24, color: rgb(0.8, 0.85, 0.95) });
        f.lines(page, [text], x + 6, y + 8);
      }),
    );
    const { markdown, assets } = await convertPdf(await f.bytes());
    expect(assets.tables.map((t) => t.bbox.map(Math.round))).toEqual([[72, 632, 372, 704]]);
    expect(markdown).toContain(
      '| Name | Score | Rank |\n| - | - | - |\n| Alice | 91 | 1 |\n| Bob | 78 | 2 |',
    );
  });

  it('takes a lone numbered line set larger than the body for a subsection title', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, ['(1) Scope of the rules'], 72, 720, 11);
    f.lines(page, [LOREM, LOREM, 'and the paragraph ends here.'], 72, 700);
    const { markdown } = await convertPdf(await f.bytes());
    expect(markdown).toMatch(/^#{2,3} \(1\) Scope of the rules$/m);
  });

  it('starts a list at the first bulleted line under its lead-in', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, ['Bring these along', '\u2022 a pencil', '\u2022 an eraser'], 72, 700);
    const { markdown } = await convertPdf(await f.bytes());
    expect(markdown).toContain('Bring these along\n\n- a pencil\n- an eraser');
  });

  it('extracts a picture with its caption as alt text', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, [LOREM], 72, 720);
    const image = await f.doc.embedPng(await tinyPng());
    page.drawImage(image, { x: 100, y: 400, width: 200, height: 150 });
    f.lines(page, ['Figure 1: A red square.'], 100, 385);
    const { markdown, figures, assets } = await convertPdf(await f.bytes());
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ index: 1, page: 1, title: 'Figure 1: A red square.' });
    expect(figures[0].bbox.map(Math.round)).toEqual([100, 400, 300, 550]);
    expect([...figures[0].png.slice(0, 4)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(figures[0].png)).toEqual({ width: 40, height: 30 });
    expect(markdown).toContain('![Figure 1: A red square.](figures/picture-1.png)');
    expect(markdown.indexOf('Lorem')).toBeLessThan(markdown.indexOf('![Figure 1'));
    expect(assets.figures).toEqual([
      { index: 1, page: 1, bbox: figures[0].bbox, title: 'Figure 1: A red square.' },
    ]);
  });

  it('renders a vector drawing as one picture with an empty alt text', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    for (let i = 0; i < 6; i++) page.drawCircle({ x: 150 + i * 20, y: 400, size: 12, borderWidth: 1 });
    const { markdown, figures } = await convertPdf(await f.bytes());
    expect(figures).toHaveLength(1);
    expect(markdown.trim()).toBe('![](figures/picture-1.png)');
    expect(pngSize(figures[0].png).width).toBeGreaterThan(100);
  });

  it('takes a logo drawn as thin stacked stripes for a picture, not for table rules', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, [LOREM], 72, 720);
    for (let i = 0; i < 8; i++) {
      page.drawRectangle({ x: 450, y: 600 + i * 3.6, width: 70, height: 1.8, color: rgb(0.1, 0.2, 0.6) });
    }
    const { figures, assets } = await convertPdf(await f.bytes());
    expect(figures.map((fig) => fig.bbox.map(Math.round))).toEqual([[450, 600, 520, 627]]);
    expect(assets.tables).toEqual([]);
  });

  it('lays out a picture made of several images without rendering the page', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    const image = await f.doc.embedPng(await tinyPng());
    page.drawImage(image, { x: 100, y: 400, width: 100, height: 75 });
    page.drawImage(image, { x: 202, y: 400, width: 100, height: 75 });
    const { figures } = await convertPdf(await f.bytes());
    expect(figures).toHaveLength(1);
    // Composed at the images' own density (0.4 px/pt, raised to 1): a render would use 2 px/pt.
    expect(pngSize(figures[0].png)).toEqual({ width: 202, height: 75 });
  });

  it('splits pictures side by side whose images overlap across the column gutter', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    const left = Array.from({ length: 12 }, (_, i) => `left column line ${i} of the running text`);
    f.lines(page, left, 72, 640);
    f.lines(page, ['right column text above the picture', 'and its second line of text'], 330, 700);
    const image = await f.doc.embedPng(await tinyPng());
    page.drawImage(image, { x: 72, y: 300, width: 258, height: 150 });
    page.drawImage(image, { x: 310, y: 300, width: 230, height: 340 });
    const { figures, markdown } = await convertPdf(await f.bytes());
    expect(figures.map((fig) => fig.bbox.map(Math.round))).toEqual([
      [72, 300, expect.any(Number), 450],
      [expect.any(Number), 300, 540, 640],
    ]);
    expect(markdown).toContain(left.join(' '));
  });

  it('takes a plot drawn over grid lines for a picture, not a table', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    for (const y of [400, 440, 480, 520]) f.line(page, 100, y, 300, y);
    for (const x of [100, 200, 300]) f.line(page, x, 400, x, 520);
    f.lines(page, ['10'], 110, 500);
    f.lines(page, ['20'], 210, 500);
    f.lines(page, ['30'], 110, 460);
    f.lines(page, ['40'], 210, 460);
    for (let i = 0; i < 15; i++) page.drawCircle({ x: 110 + i * 8, y: 410 + i * 5, size: 3, borderWidth: 1 });
    const { figures, assets } = await convertPdf(await f.bytes());
    expect(assets.tables).toEqual([]);
    expect(figures).toHaveLength(1);
  });

  it('keeps the render of a figure on a huge page within a bounded pixel size', async () => {
    const f = await PdfFixture.create();
    const page = f.page(1e7, 1e7);
    for (let i = 0; i < 6; i++) page.drawCircle({ x: 1e6 + i * 5e4, y: 5e6, size: 4e4, borderWidth: 1000 });
    const { figures } = await convertPdf(await f.bytes());
    expect(figures).toHaveLength(1);
    const { width, height } = pngSize(figures[0].png);
    expect(width * height).toBeLessThanOrEqual(4_000_000);
  });

  it('skips figures when asked', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    page.drawImage(await f.doc.embedPng(await tinyPng()), { x: 100, y: 400, width: 200, height: 150 });
    const result = await convertPdf(await f.bytes(), { skipFigures: true });
    expect(result.figures).toEqual([]);
    expect(result.markdown).not.toContain('![');
  });

  it('reports progress after each page', async () => {
    const f = await PdfFixture.create();
    f.lines(f.page(), ['one'], 72, 700);
    f.lines(f.page(), ['two'], 72, 700);
    const onProgress = jest.fn();
    const result = await convertPdf(await f.bytes(), { onProgress });
    expect(onProgress.mock.calls).toEqual([[{ page: 1, pages: 2 }], [{ page: 2, pages: 2 }]]);
    expect(result.assets.pages).toEqual({
      count: 2,
      sizes: [
        { page: 1, width: 612, height: 792 },
        { page: 2, width: 612, height: 792 },
      ],
      skipped: [],
      ocr: [],
    });
  });

  it('leaves out a page pdf.js cannot read and converts the others', async () => {
    const pdf = await hostilePdf(['First page text', 'Second page text', 'Third page text'], { broken: [2] });
    const { markdown, assets, pageCount } = await convertPdf(pdf);
    expect(markdown).toContain('First page text');
    expect(markdown).toContain('Third page text');
    expect(markdown).not.toContain('Second page');
    expect(pageCount).toBe(3);
    expect(assets.pages).toEqual({
      count: 3,
      sizes: [
        { page: 1, width: 400, height: 400 },
        { page: 3, width: 400, height: 400 },
      ],
      skipped: [{ page: 2, reason: 'unreadable', message: 'Page 2 could not be read' }],
      ocr: [],
    });
  });

  it('fails with a sentence when no page can be read', async () => {
    const pdf = await hostilePdf(['One', 'Two'], { broken: [1, 2] });
    await expect(convertPdf(pdf)).rejects.toEqual(
      new PdfConversionError('unreadable_content', 'No page of the PDF could be read'),
    );
  });

  it('never reads the pages it is told to skip, and names them in the assets', async () => {
    // Page 2 would keep pdf.js busy for minutes; the test finishing at all shows it was not read.
    const pdf = await hostilePdf(['First page text', 'Stalling page', 'Third page text'], { stalling: [2] });
    const skip = { page: 2, reason: 'timeout' as const, message: 'Page 2 took longer than 30 s to read' };
    const started: number[] = [];
    const onProgress = jest.fn();
    const { markdown, assets } = await convertPdf(pdf, {
      skipPages: [skip],
      onPageStage: ({ page, stage }) => void (stage === 'graphics' && started.push(page)),
      onProgress,
    });
    expect(markdown).toContain('First page text');
    expect(markdown).toContain('Third page text');
    expect(markdown).not.toContain('Stalling page');
    expect(started).toEqual([1, 3]);
    expect(onProgress).toHaveBeenCalledTimes(3);
    expect(assets.pages.skipped).toEqual([skip]);
    expect(assets.pages.sizes.map((s) => s.page)).toEqual([1, 3]);
  });

  it('refuses documents over the page limit before reading any page', async () => {
    const f = await PdfFixture.create();
    for (let i = 0; i < 3; i++) f.page();
    const onProgress = jest.fn();
    const error = await convertPdf(await f.bytes(), { maxPages: 2, onProgress }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfConversionError);
    expect(error).toMatchObject({ reason: 'too_many_pages', message: 'The PDF has 3 pages; the limit is 2' });
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('refuses a document without pages', async () => {
    // pdf-lib always saves at least one page, so this one is written by hand.
    const empty = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
        '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    await expect(convertPdf(empty)).rejects.toMatchObject({
      reason: 'no_pages',
      message: 'The PDF has no pages',
    });
  });

  it('refuses bytes that are not a PDF with a plain sentence', async () => {
    await expect(convertPdf(new TextEncoder().encode('hello'))).rejects.toMatchObject({
      reason: 'invalid_pdf',
      message: 'The file is not a valid PDF',
    });
  });
});
