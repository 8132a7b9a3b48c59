import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { degrees, grayscale } from 'pdf-lib';
import { convertPdf } from '../convert.js';
import { PdfFixture } from '../testing/pdf-fixtures.js';
import { checkOcrSetup, nativeTesseractPath } from './engines.js';
import { OcrOptions } from './options.js';
import { closeRecognisers } from './recognisers.js';
import { privateUseTextPdf, scannedCopy, scannedLines } from './scan-fixtures.js';

const TITLE = 'Quarterly Report';
const BODY = [
  'The committee reviewed the budget for the coming year',
  'and agreed to publish the results before the summer.',
];

async function bornDigital(): Promise<Uint8Array> {
  const f = await PdfFixture.create();
  const page = f.page();
  f.lines(page, [TITLE], 72, 700, 24, true);
  f.lines(page, BODY, 72, 650, 12);
  return f.bytes();
}

/** Lower-case words, so a test compares text and not Markdown marks or line breaks. */
const words = (markdown: string) => markdown.toLowerCase().match(/[a-z]+/g) ?? [];

// Recognition takes seconds a page, more on a busy machine.
jest.setTimeout(120_000);

const hasNative = (await nativeTesseractPath()) !== null;

afterAll(() => closeRecognisers(), 30_000);

describe('OCR of pages without usable text', () => {
  const engines: [OcrOptions['engine'], boolean][] = [
    ['tesseract.js', true],
    ['tesseract', hasNative],
  ];
  for (const [engine, available] of engines) {
    // The native binary is optional: without it on PATH its case is skipped, never faked.
    (available ? it : it.skip)(`reads an image-only page with ${engine}`, async () => {
      const scan = await scannedCopy(await bornDigital());
      const result = await convertPdf(scan, { ocr: { mode: 'auto', engine } });
      expect(words(result.markdown)).toEqual(words([TITLE, ...BODY].join(' ')));
      // The title, set twice the body size, is still told apart from the body by its recognised size.
      expect(result.markdown).toMatch(/^#+ Quarterly Report$/m);
      expect(result.assets.pages.ocr).toEqual([
        { page: 1, engine, confidence: expect.any(Number) as number },
      ]);
      expect(result.assets.pages.ocr[0].confidence).toBeGreaterThan(80);
      // The scan was the text: it is not also a figure.
      expect(result.figures).toHaveLength(0);
    });
  }

  it('reads nothing from an image-only page with OCR off', async () => {
    const scan = await scannedCopy(await bornDigital());
    const result = await convertPdf(scan, { ocr: { mode: 'off' } });
    expect(words(result.markdown)).toEqual([]);
    expect(result.assets.pages.ocr).toEqual([]);
  });

  it('recognises a page whose text decodes to private-use characters', async () => {
    const pdf = await privateUseTextPdf(BODY);
    // pdf.js takes the bytes it is given: each conversion gets its own copy.
    const off = await convertPdf(pdf.slice(), { ocr: { mode: 'off' } });
    expect(words(off.markdown)).toEqual([]);
    expect(off.markdown).toMatch(/[\uE000-\uF8FF]/);
    const auto = await convertPdf(pdf.slice(), { ocr: { mode: 'auto', engine: 'tesseract.js' } });
    expect(words(auto.markdown)).toEqual(words(BODY.join(' ')));
    expect(auto.markdown).not.toMatch(/[\uE000-\uF8FF]/);
    expect(auto.assets.pages.ocr.map((p) => p.page)).toEqual([1]);
  });

  it('leaves born-digital pages to their text layer', async () => {
    const result = await convertPdf(await bornDigital(), { ocr: { mode: 'auto', engine: 'tesseract.js' } });
    expect(result.assets.pages.ocr).toEqual([]);
    expect(words(result.markdown)).toEqual(words([TITLE, ...BODY].join(' ')));
  });

  it('recognises every page when forced', async () => {
    const result = await convertPdf(await bornDigital(), { ocr: { mode: 'force', engine: 'tesseract.js' } });
    expect(result.assets.pages.ocr.map((p) => p.page)).toEqual([1]);
    expect(words(result.markdown)).toEqual(words([TITLE, ...BODY].join(' ')));
  });

  it('makes a scanned table a table', async () => {
    const rows = [
      ['Year', 'Ducks'],
      ['2019', '120'],
      ['2020', '135'],
      ['2021', '150'],
    ];
    const f = await PdfFixture.create();
    const page = f.page();
    rows.forEach((row, i) =>
      row.forEach((cell, j) => f.lines(page, [cell], 100 + j * 120, 700 - i * 16, 12)),
    );
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    expect(scanned.assets.tables).toHaveLength(1);
    expect(scanned.markdown).toContain(
      '| Year | Ducks |\n| - | - |\n| 2019 | 120 |\n| 2020 | 135 |\n| 2021 | 150 |',
    );
  });

  it('tells a scanned bold heading at body size from the body by its strokes', async () => {
    const heading = 'Results of the Survey';
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, BODY, 72, 700, 12);
    f.lines(page, [heading], 72, 650, 12, true);
    f.lines(page, BODY, 72, 630, 12);
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    expect(scanned.markdown).toMatch(new RegExp(`^#+ ${heading}$`, 'm'));
    expect(scanned.markdown).toMatch(new RegExp(`^${BODY[0]}`, 'm'));
  });

  it('reads a scanned bulleted list as a list, its dots as bullets', async () => {
    const items = [
      'Apples from the northern orchard',
      'Pears picked before the first frost',
      'Plums dried for the winter months',
    ];
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, BODY, 72, 700, 12);
    items.forEach((item, i) => {
      const y = 650 - i * 20;
      page.drawCircle({ x: 84, y: y + 4, size: 2.2, color: grayscale(0) });
      f.lines(page, [item], 100, y, 12);
    });
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    expect(scanned.markdown).toContain(items.map((item) => `- ${item}`).join('\n'));
  });

  it('reads a scanned nested list whose small dots and rings Tesseract drops or reads as letters', async () => {
    // A word processor's list: small filled dots before the items, hollow rings before the nested ones.
    const items: [string, number][] = [
      ['Apples from the northern orchard', 0],
      ['Pears picked before the first frost', 0],
      ['Early pears for the market', 1],
      ['Late pears for the cellar', 1],
      ['Plums dried for the winter months', 0],
    ];
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, BODY, 72, 700, 12);
    items.forEach(([item, level], i) => {
      const y = 650 - i * 20;
      const x = 84 + 24 * level;
      if (level) page.drawCircle({ x, y: y + 4, size: 1.8, borderWidth: 0.6, borderColor: grayscale(0) });
      else page.drawCircle({ x, y: y + 4, size: 1.05, color: grayscale(0) });
      f.lines(page, [item], x + 18, y, 12);
    });
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    const list = items.map(([item, level]) => `${'  '.repeat(level)}- ${item}`).join('\n');
    expect(scanned.markdown).toContain(list);
  });

  it('reads the words on the dark bands of a scan, light or dark', async () => {
    // A slide's table: white words on a dark header band, black words on a dark row.
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, [TITLE], 72, 720, 24, true);
    const header = 'Annual Meeting of the Board';
    const row = 'Tuesday morning in the library';
    page.drawRectangle({ x: 60, y: 660, width: 480, height: 30, color: grayscale(0.3) });
    page.drawText(header, { x: 80, y: 670, size: 14, font: f.bold, color: grayscale(1) });
    page.drawRectangle({ x: 60, y: 630, width: 480, height: 30, color: grayscale(0.8) });
    page.drawRectangle({ x: 60, y: 600, width: 480, height: 30, color: grayscale(0.3) });
    page.drawText(row, { x: 80, y: 610, size: 14, font: f.regular, color: grayscale(0) });
    f.lines(page, BODY, 72, 560, 12);
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    expect(words(scanned.markdown)).toEqual(words([TITLE, header, row, ...BODY].join(' ')));
  });

  it('rebuilds a scanned table drawn only as shaded rows from the edges of its tints', async () => {
    // A header row of white words on a dark band over one row on a light band: no rule anywhere,
    // and too few rows for a table told by its columns alone.
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, [TITLE], 72, 720, 24, true);
    const cells = [
      ['Station', 'Rainfall', 'Wind'],
      ['Harbour', '812', '14'],
    ];
    const xs = [80, 260, 420];
    cells.forEach((row, r) => {
      const y = 650 - 30 * r;
      page.drawRectangle({ x: 60, y, width: 480, height: 30, color: grayscale(r ? 0.8 : 0.3) });
      row.forEach((text, c) =>
        page.drawText(text, {
          x: xs[c],
          y: y + 10,
          size: 14,
          font: r ? f.regular : f.bold,
          color: grayscale(r ? 0 : 1),
        }),
      );
    });
    f.lines(page, BODY, 72, 560, 12);
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    expect(scanned.assets.tables).toHaveLength(1);
    expect(scanned.markdown).toContain(
      '| Station | Rainfall | Wind |\n| - | - | - |\n| Harbour | 812 | 14 |',
    );
  });

  it('reads a framed screen captioned as a figure as that figure, its words not body text', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, BODY, 72, 720, 12);
    // A screenshot of a window: a frame around a menu and two columns of names.
    const [x0, y0, x1, y1] = [72, 470, 420, 680];
    for (const y of [y0, y1]) f.line(page, x0, y, x1, y);
    for (const x of [x0, x1]) f.line(page, x, y0, x, y1);
    const menu = ['File Edit View Tools Help', 'Schemas Tables Views', 'Indexes Journals Triggers'];
    f.lines(page, menu, 84, 660, 11);
    f.lines(
      page,
      ['Name Owner Created', 'ORDERS SALES 2014-03-02', 'CUSTOMERS SALES 2014-03-09'],
      230,
      600,
      11,
    );
    page.drawText('Figure 3-11', { x: 72, y: 452, size: 10, font: f.regular });
    page.drawText('Selecting the orders table', { x: 150, y: 452, size: 10, font: f.regular });
    f.lines(
      page,
      ['After the figure the text goes on as before,', 'in lines of the body as above it.'],
      72,
      420,
      12,
    );
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    expect(scanned.assets.tables).toHaveLength(0);
    expect(scanned.assets.figures).toHaveLength(1);
    expect(scanned.assets.figures[0].title).toMatch(/^Figure 3-11 Selecting the orders table/);
    expect(scanned.markdown).not.toMatch(/Schemas|CUSTOMERS/);
    expect(scanned.markdown).toContain('goes on as before');
  });

  it('rebuilds a scanned ruled table from the rules in its pixels', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    const xs = [72, 222, 372];
    const ys = [700, 676, 652, 628];
    for (const y of ys) f.line(page, xs[0], y, xs[2], y);
    for (const x of xs) f.line(page, x, ys[0], x, ys[3]);
    const cells = [
      ['Station', 'Rainfall'],
      ['Harbour', '812'],
      ['Airport', '640'],
    ];
    cells.forEach((row, r) => row.forEach((text, c) => f.lines(page, [text], xs[c] + 8, ys[r] - 17, 12)));
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    expect(scanned.assets.tables).toHaveLength(1);
    expect(scanned.markdown).toContain(
      '| Station | Rainfall |\n| - | - |\n| Harbour | 812 |\n| Airport | 640 |',
    );
  });

  it('reads the turned column headers of a scanned ruled table into its header row', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    // A wide first column, then three narrow ones headed upward, as a matrix of permissions is set.
    const xs = [72, 300, 336, 372, 408];
    const ys = [700, 610, 586, 562];
    for (const y of ys) f.line(page, xs[0], y, xs[4], y);
    for (const x of xs) f.line(page, x, ys[0], x, ys[3]);
    f.lines(page, ['User action'], xs[0] + 6, ys[0] - 14, 10, true);
    const headers = ['Reviewer', 'Publisher', 'Operator'];
    headers.forEach((text, i) =>
      page.drawText(text, { x: xs[i + 1] + 22, y: ys[1] + 6, size: 10, font: f.bold, rotate: degrees(90) }),
    );
    const rows = [
      ['Approve drafts', 'yes', 'no', 'yes'],
      ['Publish pages', 'no', 'yes', 'yes'],
    ];
    rows.forEach((row, r) => row.forEach((text, c) => f.lines(page, [text], xs[c] + 6, ys[r + 1] - 16, 10)));
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    expect(scanned.markdown).toContain(
      '| User action | Reviewer | Publisher | Operator |\n| - | - | - | - |\n' +
        '| Approve drafts | yes | no | yes |\n| Publish pages | no | yes | yes |',
    );
  });

  it('parts the cells of a tight ruled table at its rules', async () => {
    const f = await PdfFixture.create();
    const page = f.page();
    // Cells a few points from their rules: the words either side of a rule are a word space apart.
    const xs = [72, 122, 172];
    const ys = [700, 676, 652];
    for (const y of ys) f.line(page, xs[0], y, xs[2], y);
    for (const x of xs) f.line(page, x, ys[0], x, ys[2]);
    const cells = [
      ['Station', 'Rainfall'],
      ['Harbour', '812'],
    ];
    cells.forEach((row, r) => row.forEach((text, c) => f.lines(page, [text], xs[c] + 3, ys[r] - 17, 12)));
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    expect(scanned.markdown).toContain('| Station | Rainfall |\n| - | - |\n| Harbour | 812 |');
  });

  it('parts the cells of a borderless table set a word space apart where its columns line up', async () => {
    const rows = [
      ['Region', 'Station', 'Rainfall', 'Days'],
      ['North coast', 'Harbour', '812', '41'],
      ['Inland', 'Ridge', '1204', '63'],
      ['Islands', 'Lighthouse', '977', '52'],
    ];
    const f = await PdfFixture.create();
    const page = f.page();
    f.lines(page, BODY, 72, 720, 12);
    // A browser's default table: each column as wide as its widest cell and 3 points more, so that
    // each widest cell ends a word space before the next column starts.
    let x = 72;
    for (let c = 0; c < rows[0].length; c++) {
      rows.forEach((row, r) => f.lines(page, [row[c]], x, 660 - r * 17, 12));
      x += Math.max(...rows.map((row) => f.regular.widthOfTextAtSize(row[c], 12))) + 3;
    }
    f.lines(page, BODY, 72, 570, 12);
    const scanned = await convertPdf(await scannedCopy(await f.bytes()), {
      ocr: { mode: 'auto', engine: 'tesseract.js' },
    });
    expect(scanned.assets.tables).toHaveLength(1);
    // Cell by cell, its words and numbers (a speck read beside a word is not what is tested here).
    const cellWords = (cell: string) =>
      cell
        .toLowerCase()
        .match(/[a-z0-9]+/g)
        ?.join(' ') ?? '';
    const table = scanned.markdown
      .split('\n')
      .filter((l) => l.startsWith('|') && !l.startsWith('| -'))
      .map((l) => l.split('|').slice(1, -1).map(cellWords));
    expect(table).toEqual(rows.map((row) => row.map(cellWords)));
    // The paragraphs around it keep every word space.
    expect(scanned.markdown).toContain(BODY.join(' '));
  });
});

/** Where the native binary keeps its language data (Debian: /usr/share/tesseract-ocr/5/tessdata). */
async function nativeDataDir(): Promise<string | undefined> {
  const binary = await nativeTesseractPath();
  if (!binary) return undefined;
  const { execFileSync } = await import('node:child_process');
  const listed = execFileSync(binary, ['--list-langs'], { encoding: 'utf8' });
  return /"([^"]+)"/.exec(listed)?.[1];
}

const dataDir = await nativeDataDir();
/** The tesseract.js case reads the native install's data folder, as OCR_DATA_DIR would. */
const hebrewSetup = (engine: 'tesseract' | 'tesseract.js'): OcrOptions => ({
  mode: 'auto',
  engine,
  languages: ['eng', 'heb'],
  dataDir: engine === 'tesseract' ? undefined : dataDir,
});
const hasHebrew = async (engine: 'tesseract' | 'tesseract.js') =>
  (engine === 'tesseract' || dataDir !== undefined) &&
  (await checkOcrSetup(hebrewSetup(engine)).then(
    () => true,
    () => false,
  ));
const hebrewEngines = {
  tesseract: await hasHebrew('tesseract'),
  'tesseract.js': await hasHebrew('tesseract.js'),
};

describe('OCR of pages in another script', () => {
  const HEBREW = ['שלום עולם ברוכים הבאים', 'הספר נמצא על השולחן'];
  for (const engine of ['tesseract', 'tesseract.js'] as const) {
    // Hebrew data comes with the system's Tesseract (Debian: tesseract-ocr-heb); without it, skipped.
    const test = hebrewEngines[engine] ? it : it.skip;
    test(`reads a Hebrew scan with ${engine} when Hebrew follows English in the languages`, async () => {
      const ocr = hebrewSetup(engine);
      const result = await convertPdf(await scannedLines(HEBREW), { ocr });
      // Logical order, first word first: the words were laid right to left.
      // The heading marks are the size stage's: a recognised line height varies from line to line.
      expect(result.markdown.replace(/^#+ /gm, '').trim().split(/\n+/)).toEqual(HEBREW);
      expect(result.assets.pages.ocr[0].confidence).toBeGreaterThan(70);
      const englishOnly = await convertPdf(await scannedLines(HEBREW), {
        ocr: { ...ocr, languages: ['eng'] },
      });
      expect(englishOnly.markdown).not.toContain(HEBREW[0]);
    });
    test(`reads the English words of a Hebrew scan with ${engine}`, async () => {
      const lines = ['הספר של Python נמצא על השולחן', 'הקובץ נשמר בתיקייה Documents שלך'];
      const result = await convertPdf(await scannedLines(lines), { ocr: hebrewSetup(engine) });
      // The Hebrew model alone reads "Python" as Hebrew letters and signs: the lines holding such
      // doubtful words are read again with English too.
      const words = (text: string) => text.replace(/^#+ /gm, '').split(/\s+/).filter(Boolean);
      expect(words(result.markdown)).toEqual(words(lines.join(' ')));
    });
  }
});
