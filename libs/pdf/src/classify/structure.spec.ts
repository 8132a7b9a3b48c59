import { describe, expect, it } from '@jest/globals';
import { toBlock } from '../layout/blocks.js';
import { makeLine } from '../layout/lines.js';
import { FigureRegion, PageItem, TextRun } from '../model.js';
import { textRun } from '../testing/text-runs.js';
import { BBox } from '../types.js';
import { Element } from './elements.js';
import { attachCaptions, classifyItems, joinContinuations, settleLevels } from './structure.js';

const BODY = 10;

/** A text item of one line per entry: [text, x, baseline, run options]. */
function text(page: number, ...lines: [string, number, number, Partial<TextRun>?][]): PageItem {
  const block = toBlock(lines.map(([t, x, base, options]) => makeLine([textRun(t, x, base, options)])));
  return { kind: 'text', page, bbox: block.bbox, block };
}

function figure(page: number, bbox: BBox): PageItem {
  const region: FigureRegion = { bbox, images: [], vectors: 0, curves: 0 };
  return { kind: 'figure', page, bbox, figure: region };
}

function table(page: number, bbox: BBox, rows: string[][]): PageItem {
  return { kind: 'table', page, bbox, table: { bbox, rows } };
}

/** The per-document classification stages, in the pipeline's order. */
function elementsOf(items: PageItem[]): Element[] {
  return attachCaptions(settleLevels(joinContinuations(classifyItems(items, BODY))));
}

const summary = (els: Element[]) =>
  els.map((e) => {
    switch (e.kind) {
      case 'heading':
        return `h${e.level} ${e.text}`;
      case 'paragraph':
      case 'code':
        return `${e.kind} ${e.text}`;
      case 'list':
        return `list ${e.items.map((i) => `${i.level}${i.ordered ? 'o' : 'u'}:${i.text}`).join(' | ')}`;
      case 'table':
      case 'figure':
        return `${e.kind} caption=${e.caption}`;
    }
  });

describe('classification stages', () => {
  it('makes one clearly largest unnumbered heading the title; numbered sections follow at level 2', () => {
    const els = elementsOf([
      text(1, ['A Study of Things', 72, 760, { size: 24 }]),
      text(1, ['1 Introduction', 72, 700, { size: 14 }]),
      text(1, ['Body text of the introduction, long enough to be a paragraph.', 72, 680]),
      text(1, ['Method', 72, 640, { size: 10, bold: true }]),
    ]);
    expect(summary(els)).toEqual([
      'h1 A Study of Things',
      'h2 1 Introduction',
      'paragraph Body text of the introduction, long enough to be a paragraph.',
      'h3 Method',
    ]);
  });

  it('without a title, gives the largest headings level 2 and smaller ones level 3', () => {
    const els = elementsOf([
      text(1, ['Overview', 72, 700, { size: 14 }]),
      text(1, ['Details', 72, 660, { size: 12 }]),
      text(1, ['Summary', 72, 620, { size: 14 }]),
    ]);
    expect(summary(els)).toEqual(['h2 Overview', 'h3 Details', 'h2 Summary']);
  });

  it('levels numbered headings by the depth of their number, whatever their size', () => {
    const els = elementsOf([
      text(1, ['2 Results', 72, 700, { size: 14 }]),
      text(1, ['2.1.3 Fine detail', 72, 660, { size: 14 }]),
      text(1, ['2.2 Setup', 72, 620, { bold: true }]),
    ]);
    expect(summary(els)).toEqual(['h2 2 Results', 'h4 2.1.3 Fine detail', 'h3 2.2 Setup']);
  });

  it('reads bold lines side by side on one baseline as table header cells, not headings', () => {
    const els = elementsOf([
      text(1, ['Revenue', 72, 700, { bold: true }]),
      text(1, ['Workload', 200, 700, { bold: true }]),
      text(1, ['Results', 72, 640, { bold: true }]),
      // Far apart, in two sizes: not one row.
      text(1, ['4 Future Work', 72, 569.9, { size: 14.5, bold: true }]),
      text(1, ['4.1 Formal Result', 72, 475.4, { size: 12, bold: true }]),
      // Numbered, side by side in two columns: headings.
      text(1, ['4.2 Left', 72, 400, { size: 12, bold: true }]),
      text(1, ['5.1 Right', 320, 400, { size: 12, bold: true }]),
    ]);
    expect(summary(els)).toEqual([
      'paragraph Revenue',
      'paragraph Workload',
      'h2 Results',
      'h2 4 Future Work',
      'h3 4.1 Formal Result',
      'h3 4.2 Left',
      'h3 5.1 Right',
    ]);
  });

  it("joins a chapter's label line with the title under it into one heading", () => {
    const els = elementsOf([
      text(1, ['Chapter 2', 72, 700, { size: 20, bold: true }]),
      text(1, ['Design', 72, 670, { size: 24, bold: true }]),
      text(1, ['The design follows from the goals set out before.', 72, 640]),
      text(1, ['2.1 Goals', 72, 610, { size: 14, bold: true }]),
    ]);
    expect(summary(els)).toEqual([
      'h2 2 Design',
      'paragraph The design follows from the goals set out before.',
      'h3 2.1 Goals',
    ]);
  });

  it('keeps a listing one code block across its blank lines, with its columns', () => {
    const mono = { mono: true };
    const els = elementsOf([
      text(1, ['SELECT', 72, 700, mono], ['FROM', 72, 688, mono]),
      text(1, ['ORDER BY', 72, 664, mono]),
    ]);
    expect(summary(els)).toEqual(['code SELECT\nFROM\n\nORDER BY']);
  });

  it('reads monospaced lines that are only links as text, not code', () => {
    const els = elementsOf([text(1, ['1 https://example.org/data', 72, 100, { mono: true, size: 8 }])]);
    expect(summary(els)).toEqual(['paragraph 1 https://example.org/data']);
  });

  it('keeps a bold line that opens a block or bracket out of the headings', () => {
    const els = elementsOf([
      text(1, ['Body text of the section, long enough to be a paragraph line here.', 72, 700]),
      text(1, ['function add(a, b) {', 72, 680, { bold: true }]),
      text(1, ['Results', 72, 650, { bold: true }]),
    ]);
    expect(summary(els)).toEqual([
      'paragraph Body text of the section, long enough to be a paragraph line here.',
      'paragraph function add(a, b) {',
      'h2 Results',
    ]);
  });

  it('moves a figure caption onto the figure and keeps a table caption in the text', () => {
    const els = elementsOf([
      figure(1, [72, 500, 300, 700]),
      text(1, ['Figure 1: Growth over time.', 72, 480]),
      text(1, ['Table 2. Measured values', 72, 420]),
      table(
        1,
        [72, 300, 300, 410],
        [
          ['a', 'b'],
          ['1', '2'],
        ],
      ),
    ]);
    expect(summary(els)).toEqual([
      'figure caption=Figure 1: Growth over time.',
      'paragraph Table 2. Measured values',
      'table caption=Table 2. Measured values',
    ]);
  });

  it('gives a figure the caption set against it, not a caption-like line read before it', () => {
    const els = elementsOf([
      text(1, ['Example 3-10 Activating access control on the table', 72, 720]),
      figure(1, [72, 500, 300, 700]),
      text(1, ['Figure 3-11 Selecting the table', 72, 490]),
    ]);
    expect(summary(els)).toEqual([
      'paragraph Example 3-10 Activating access control on the table',
      'figure caption=Figure 3-11 Selecting the table',
    ]);
  });

  it('reads bulleted and numbered lines as list items, nested by indent', () => {
    const els = elementsOf([
      text(1, ['• first point', 72, 700], ['◦ a detail of it', 90, 688], ['• second point', 72, 676]),
      text(1, ['1. step one', 72, 600], ['2. step two', 72, 588]),
    ]);
    expect(summary(els)).toEqual([
      'list 0u:first point | 1u:a detail of it | 0u:second point | 0o:step one | 0o:step two',
    ]);
  });

  it('takes a lone numbered line in bold at body size for a subsection title, and a bold list item for an item', () => {
    const body = 'Body text under the title, long enough to be read as a paragraph of its own.';
    const els = elementsOf([
      text(1, ['(1) Scope of the rules', 72, 700, { bold: true }]),
      text(1, [body, 72, 680]),
      text(1, ['1. step one', 72, 600, { bold: true }], ['2. step two', 72, 588, { bold: true }]),
    ]);
    expect(summary(els)).toEqual([
      'h2 (1) Scope of the rules',
      `paragraph ${body}`,
      'list 0o:step one | 0o:step two',
    ]);
  });

  it('joins a paragraph cut by a page break when the next page goes on in lower case', () => {
    const els = elementsOf([
      text(1, ['The measurement was repeated on every sample and the', 72, 90]),
      text(2, ['results agree within one per cent.', 72, 760]),
      text(2, ['A new paragraph starts here.', 72, 730]),
    ]);
    expect(summary(els)).toEqual([
      'paragraph The measurement was repeated on every sample and the results agree within one per cent.',
      'paragraph A new paragraph starts here.',
    ]);
  });

  it('leaves the join to its own stage: classification alone keeps the pieces apart', () => {
    const { elements } = classifyItems(
      [
        text(1, ['The measurement was repeated on every sample and the', 72, 90]),
        text(2, ['results agree within one per cent.', 72, 760]),
      ],
      BODY,
    );
    expect(elements.map((e) => e.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('keeps monospaced lines as code, indented as set', () => {
    const els = elementsOf([
      text(1, ['if (x) {', 72, 700, { mono: true }], ['run();', 92, 688, { mono: true }]),
    ]);
    expect(summary(els)).toEqual(['code if (x) {\n    run();']);
  });
});
