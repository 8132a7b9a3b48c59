import { describe, expect, it } from '@jest/globals';
import { convertPdf } from '../convert.js';
import { TaggedFixture } from '../testing/tagged-pdf.js';
import { textRun } from '../testing/text-runs.js';
import { MIN_TAGGED_SHARE, taggedShare } from './document.js';
import { markContent } from './marked.js';
import { spannedRows } from './page-elements.js';

const BODY = [
  'The survey covers three regions and the results are given below in the order of the tables.',
  'Each region reports its own numbers and the totals are added at the end of the document.',
];

describe('documents with a structure tree', () => {
  it('takes headings, paragraphs, lists and tables from the tree', async () => {
    const t = await TaggedFixture.create();
    const page = t.page();
    // Set at the body size and weight: only the tags say these are headings.
    t.block(page, 'H1', 'Regional survey', 72, 720);
    t.block(page, 'P', BODY[0], 72, 700);
    t.block(page, 'H2', 'Method', 72, 670);
    const p = t.tag('P');
    t.text(page, p, BODY[1].slice(0, 50), 72, 650);
    t.text(page, p, BODY[1].slice(50), 72, 638);
    const list = t.tag('L');
    ['first point', 'second point'].forEach((text, i) => {
      const li = t.tag('LI', list);
      t.text(page, t.tag('Lbl', li), `${i + 1}.`, 72, 610 - i * 14);
      t.text(page, t.tag('LBody', li), text, 90, 610 - i * 14);
    });
    const table = t.tag('Table');
    [
      ['Region', 'Count'],
      ['North', '12'],
      ['South', '30'],
    ].forEach((cells, r) => {
      const tr = t.tag('TR', table);
      cells.forEach((cell, c) =>
        t.text(page, t.tag(r === 0 ? 'TH' : 'TD', tr), cell, 72 + c * 200, 560 - r * 14),
      );
    });
    const { markdown, assets } = await convertPdf(await t.bytes());
    expect(markdown).toBe(
      [
        '# Regional survey',
        BODY[0],
        '## Method',
        BODY[1],
        '1. first point\n2. second point',
        '| Region | Count |\n| - | - |\n| North | 12 |\n| South | 30 |',
      ].join('\n\n') + '\n',
    );
    expect(assets.outline.map((h) => [h.level, h.text])).toEqual([
      [1, 'Regional survey'],
      [2, 'Method'],
    ]);
    expect(assets.tables).toHaveLength(1);
  });

  it('reads a borderless invoice tagged as a table as one row per item', async () => {
    const t = await TaggedFixture.create();
    const page = t.page();
    t.block(page, 'H1', 'Invoice 2041', 72, 740, 16);
    const items = [
      ['Item', 'Quantity', 'Price'],
      ['Paper, A4 box', '4', '23.60'],
      ['Toner cartridge', '1', '89.00'],
      ['Stapler', '2', '12.40'],
    ];
    const table = t.tag('Table');
    items.forEach((cells, r) => {
      const tr = t.tag('TR', table);
      cells.forEach((cell, c) =>
        t.text(page, t.tag(r ? 'TD' : 'TH', tr), cell, [72, 300, 420][c], 690 - r * 30),
      );
    });
    t.block(page, 'P', 'Payment is due within thirty days of the date of this invoice.', 72, 540);
    const { markdown } = await convertPdf(await t.bytes());
    expect(markdown).toContain(
      [
        '| Item | Quantity | Price |',
        '| - | - | - |',
        '| Paper, A4 box | 4 | 23.60 |',
        '| Toner cartridge | 1 | 89.00 |',
        '| Stapler | 2 | 12.40 |',
      ].join('\n'),
    );
    expect(markdown.indexOf('# Invoice 2041')).toBeLessThan(markdown.indexOf('| Item'));
    expect(markdown.indexOf('| Stapler')).toBeLessThan(markdown.indexOf('Payment is due'));
  });

  it('joins a table broken by a page end, its repeated header once', async () => {
    const t = await TaggedFixture.create();
    const pages = [t.page(), t.page()];
    t.block(pages[0], 'H1', 'Stock', 72, 720, 16);
    t.block(pages[0], 'P', BODY[0], 72, 690);
    const table = t.tag('Table');
    const row = (page: number, y: number, cells: string[], role = 'TD') => {
      const tr = t.tag('TR', table);
      cells.forEach((cell, c) => t.text(pages[page], t.tag(role, tr), cell, 72 + c * 150, y));
    };
    row(0, 100, ['Part', 'Count'], 'TH');
    row(0, 86, ['Bolt', '40']);
    row(0, 72, ['Nut', '55']);
    row(1, 720, ['Part', 'Count'], 'TH');
    row(1, 706, ['Washer', '12']);
    t.block(pages[1], 'P', BODY[1], 72, 670);
    const { markdown, assets } = await convertPdf(await t.bytes());
    expect(markdown).toContain(
      '| Part | Count |\n| - | - |\n| Bolt | 40 |\n| Nut | 55 |\n| Washer | 12 |\n\n' + BODY[1],
    );
    expect(assets.tables).toHaveLength(1);
  });

  it('falls back to the geometry when the tree covers only a fraction of the text', async () => {
    const t = await TaggedFixture.create();
    const page = t.page();
    t.block(page, 'H1', 'Tagged line at body size', 72, 720);
    t.f.lines(page, [...BODY, ...BODY, ...BODY], 72, 700);
    const { markdown } = await convertPdf(await t.bytes());
    expect(markdown).not.toMatch(/^#/m);
    expect(markdown).toContain('Tagged line at body size');
    expect(markdown).toContain(BODY[1]);
  });

  it('falls back when everything is tagged P while the page has headings', async () => {
    const t = await TaggedFixture.create();
    const page = t.page();
    t.block(page, 'P', 'Results of the study', 72, 720, 18);
    t.block(page, 'P', BODY[0], 72, 690);
    t.block(page, 'P', BODY[1], 72, 676);
    const { markdown } = await convertPdf(await t.bytes());
    expect(markdown).toMatch(/^#+ Results of the study$/m);
  });

  it('drops artifacts', async () => {
    const t = await TaggedFixture.create();
    const page = t.page();
    t.block(page, 'H1', 'Report', 72, 720);
    t.block(page, 'P', BODY[0], 72, 700);
    t.artifact(page, 'DRAFT COPY', 250, 660);
    t.block(page, 'P', BODY[1], 72, 620);
    const { markdown } = await convertPdf(await t.bytes());
    expect(markdown).not.toContain('DRAFT');
    expect(markdown).toBe(['# Report', BODY[0], BODY[1]].join('\n\n') + '\n');
  });
});

describe('markContent and taggedShare', () => {
  it('gives each text item the innermost id and the artifact flag', () => {
    const item = (str: string) => ({
      str,
      dir: 'ltr',
      transform: [10, 0, 0, 10, 0, 0],
      width: 10,
      height: 10,
      fontName: 'f',
    });
    const marked = markContent([
      { type: 'beginMarkedContentProps', id: 'p1R_mc0', tag: 'P' },
      item('a'),
      { type: 'beginMarkedContent', tag: 'Span' },
      item('b'),
      { type: 'endMarkedContent' },
      { type: 'endMarkedContent' },
      { type: 'beginMarkedContent', tag: 'Artifact' },
      item('c'),
      { type: 'endMarkedContent' },
      item('d'),
    ]);
    expect(marked.map((m) => [m.str, m.mcid, m.artifact])).toEqual([
      ['a', 'p1R_mc0', undefined],
      ['b', 'p1R_mc0', undefined],
      ['c', undefined, true],
      ['d', undefined, undefined],
    ]);
  });

  it('counts the characters the tree refers to, artifacts aside', () => {
    const tree = {
      role: 'Root',
      children: [{ role: 'P', children: [{ type: 'content' as const, id: 'a' }] }],
    };
    const runs = [
      textRun('x'.repeat(90), 0, 0, { mcid: 'a' }),
      textRun('y'.repeat(10), 0, 0),
      textRun('z'.repeat(50), 0, 0, { artifact: true }),
    ];
    expect(taggedShare(tree, runs)).toBeCloseTo(0.9);
    expect(taggedShare(tree, runs.slice(1))).toBe(0);
    expect(MIN_TAGGED_SHARE).toBeGreaterThan(0.5);
  });
});

describe('spannedRows', () => {
  it('sets the cells of a row with spans in the columns their text starts in, repeated over the span', () => {
    const cell = (text: string, x: number) => [textRun(text, x, 0)];
    const rows = spannedRows([
      [cell('Item', 72), cell('Qty', 200), cell('Price', 300)],
      [cell('Pears, big ones', 72), cell('2.00', 300)],
      [cell('Apples', 72), cell('3', 200), cell('1.20', 300)],
      [cell('4', 200), cell('1.60', 300)],
    ]);
    expect(rows.map((r) => r.map((c) => c[0]?.text ?? ''))).toEqual([
      ['Item', 'Qty', 'Price'],
      ['Pears, big ones', 'Pears, big ones', '2.00'],
      ['Apples', '3', '1.20'],
      ['Apples', '4', '1.60'],
    ]);
  });
});
