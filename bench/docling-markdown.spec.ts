import { describe, expect, it } from '@jest/globals';
import { doclingMarkdown } from './docling-markdown.js';

describe('doclingMarkdown', () => {
  it('writes headings, lists, tables and pictures in body order, without furniture or picture text', () => {
    const markdown = doclingMarkdown({
      body: {
        self_ref: '#/body',
        children: [
          { cref: '#/texts/0' },
          { cref: '#/texts/1' },
          { cref: '#/groups/0' },
          { cref: '#/pictures/0' },
          { cref: '#/tables/0' },
        ],
      },
      texts: [
        { self_ref: '#/texts/0', label: 'page_header', text: 'Running head', content_layer: 'furniture' },
        { self_ref: '#/texts/1', label: 'section_header', level: 1, text: 'Results' },
        { self_ref: '#/texts/2', label: 'list_item', text: 'first' },
        { self_ref: '#/texts/3', label: 'caption', text: 'Figure 1: A chart.' },
        { self_ref: '#/texts/4', label: 'text', text: 'axis label' },
      ],
      groups: [{ self_ref: '#/groups/0', label: 'list', children: [{ cref: '#/texts/2' }] }],
      pictures: [
        { self_ref: '#/pictures/0', captions: [{ cref: '#/texts/3' }], children: [{ cref: '#/texts/4' }] },
      ],
      tables: [
        {
          self_ref: '#/tables/0',
          data: {
            grid: [
              [{ text: 'a' }, { text: 'b' }],
              [{ text: '1' }, { text: '2' }],
            ],
          },
        },
      ],
    });
    expect(markdown).toBe(
      '## Results\n\n- first\n\nFigure 1: A chart.\n\n<!-- image -->\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
    );
  });
});
