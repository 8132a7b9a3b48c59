import { describe, expect, it } from '@jest/globals';
import { makeLine } from '../layout/lines.js';
import { toBlock } from '../layout/blocks.js';
import { PageItem } from '../model.js';
import { textRun } from '../testing/text-runs.js';
import { classifyItems, joinContinuations } from './structure.js';

const BODY = 10;

function paragraph(x: number, top: number, ...lines: string[]): PageItem {
  const block = toBlock(lines.map((t, i) => makeLine([textRun(t, x, top - 12 * i)])));
  return { kind: 'text', page: 1, bbox: block.bbox, block };
}

describe('joinContinuations', () => {
  it('joins a paragraph cut by a table at the top of the next column, and keeps the table after it', () => {
    const caption = paragraph(310, 700, 'Table 1: Sizes of the parts.');
    const rows = [
      ['Part', 'Size'],
      ['Bolt', '4 mm'],
    ];
    const items: PageItem[] = [
      paragraph(50, 300, 'The left column ends with a sentence that goes on in the next col-'),
      caption,
      { kind: 'table', page: 1, bbox: [310, 620, 550, 690], table: { bbox: [310, 620, 550, 690], rows } },
      paragraph(310, 600, 'umn, below the table that was set at its top.'),
    ];
    const { elements } = joinContinuations(classifyItems(items, BODY));
    expect(
      elements.map((e) => (e.kind === 'table' ? 'table' : e.kind === 'paragraph' ? e.text : e.kind)),
    ).toEqual([
      'The left column ends with a sentence that goes on in the next column, below the table that was set at its top.',
      'Table 1: Sizes of the parts.',
      'table',
    ]);
  });
});
