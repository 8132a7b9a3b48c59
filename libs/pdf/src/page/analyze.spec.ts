import { describe, expect, it } from '@jest/globals';
import { PageContent, PagePath } from '../model.js';
import { BBox } from '../types.js';
import { analyzePage } from '../pipeline.js';
import { textRun as run } from '../testing/text-runs.js';

const stroke = (bbox: BBox): PagePath => ({ bbox, stroked: true, filled: false, straight: true });

/**
 * A 600-point-wide page: between two rules, a paragraph on the left and short lines on the right of
 * a rule parting them, as on a book's back cover.
 */
function page(left: number, right: number): PageContent {
  const runs = [0, 1, 2, 3, 4, 5].flatMap((i) => [
    run(`line ${i} of a paragraph`.padEnd(56, '.'), left + 20, 480 - 14 * i),
    run(`Note ${i}`, 320, 480 - 14 * i),
  ]);
  return {
    page: 1,
    width: 600,
    height: 800,
    runs,
    images: [],
    paths: [stroke([left, 500, right, 500]), stroke([left, 390, right, 390]), stroke([300, 390, 300, 500])],
  };
}

const tables = (content: PageContent) =>
  analyzePage(content, { figures: false }).filter((item) => item.kind === 'table');

describe('analyzePage', () => {
  it('reads text between rules inside the page as a table', () => {
    expect(tables(page(40, 560))).toHaveLength(1);
  });

  it('does not take rules running from one edge of the page to the other for a table', () => {
    expect(tables(page(0, 600))).toEqual([]);
  });

  it('leaves monospaced text between rules to be a code listing', () => {
    const content = page(40, 560);
    content.runs = content.runs.map((r) => ({ ...r, mono: true }));
    expect(tables(content)).toEqual([]);
  });
});
