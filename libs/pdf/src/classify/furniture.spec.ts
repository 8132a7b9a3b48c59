import { describe, expect, it } from '@jest/globals';
import { toBlock } from '../layout/blocks.js';
import { makeLine } from '../layout/lines.js';
import { PageItem } from '../model.js';
import { textRun } from '../testing/text-runs.js';
import { blockText } from './text.js';
import { dropFurniture } from './furniture.js';

function text(page: number, t: string, base: number): PageItem {
  const block = toBlock([makeLine([textRun(t, 72, base)])]);
  return { kind: 'text', page, bbox: block.bbox, block };
}

const texts = (pages: PageItem[][]) =>
  pages.map((items) => items.map((i) => (i.kind === 'text' ? blockText(i.block) : i.kind)));

describe('dropFurniture', () => {
  it('drops a running header repeated across pages and bare page numbers', () => {
    const page = (n: number) => ({
      height: 800,
      items: [
        text(n, `Annual report ${2020 + n}`, 770),
        text(n, `Body of page ${n} goes on for a while.`, 600),
        text(n, `Body of page ${n} goes on further.`, 586),
        text(n, `${n}`, 30),
      ],
    });
    expect(texts(dropFurniture([page(1), page(2), page(3)], 10))).toEqual([
      ['Body of page 1 goes on for a while.', 'Body of page 1 goes on further.'],
      ['Body of page 2 goes on for a while.', 'Body of page 2 goes on further.'],
      ['Body of page 3 goes on for a while.', 'Body of page 3 goes on further.'],
    ]);
  });

  it('keeps a top line that does not repeat and sits close to the text below', () => {
    const pages = [
      { height: 800, items: [text(1, 'Introduction', 770), text(1, 'The text under it.', 756)] },
      { height: 800, items: [text(2, 'Methods', 770), text(2, 'More text here.', 756)] },
    ];
    expect(texts(dropFurniture(pages, 10))).toEqual([
      ['Introduction', 'The text under it.'],
      ['Methods', 'More text here.'],
    ]);
  });

  it("keeps a chapter's label atop each chapter although it repeats with its number changed", () => {
    const big = (page: number, t: string, base: number): PageItem => {
      const block = toBlock([makeLine([textRun(t, 72, base, { size: 20, bold: true })])]);
      return { kind: 'text', page, bbox: block.bbox, block };
    };
    const page = (n: number) => ({
      height: 800,
      items: [
        big(n, `Chapter ${n}`, 700),
        text(n, `The chapter ${n} text goes on for a while.`, 600),
        text(n, n === 1 ? 'It goes on further.' : 'Then it stops.', 586),
      ],
    });
    expect(texts(dropFurniture([page(1), page(2)], 10))).toEqual([
      ['Chapter 1', 'The chapter 1 text goes on for a while.', 'It goes on further.'],
      ['Chapter 2', 'The chapter 2 text goes on for a while.', 'Then it stops.'],
    ]);
  });

  it('keeps the title on the first page although the running headers repeat it small', () => {
    const title = toBlock([makeLine([textRun('A Study of Things', 150, 740, { size: 17 })])]);
    const page = (n: number, top: PageItem) => ({
      height: 800,
      items: [top, text(n, `The text of page ${n} goes on for a while.`, 600), text(n, 'More of it.', 586)],
    });
    const pages = [
      page(1, { kind: 'text', page: 1, bbox: title.bbox, block: title }),
      page(2, text(2, 'A Study of Things', 770)),
      page(3, text(3, 'A Study of Things', 770)),
    ];
    expect(texts(dropFurniture(pages, 10)).map((p) => p[0])).toEqual([
      'A Study of Things',
      'The text of page 2 goes on for a while.',
      'The text of page 3 goes on for a while.',
    ]);
  });

  it('keeps a numbered bold heading at the top of a page, set apart by its space', () => {
    const heading = toBlock([makeLine([textRun('4.2.2 Formal Variable', 72, 760, { bold: true })])]);
    const pages = [
      {
        height: 800,
        items: [
          { kind: 'text' as const, page: 1, bbox: heading.bbox, block: heading },
          text(1, 'Each parameter improves the network.', 730),
          text(1, 'It goes on for a while.', 716),
        ],
      },
    ];
    expect(texts(dropFurniture(pages, 10))[0][0]).toBe('4.2.2 Formal Variable');
  });
});
