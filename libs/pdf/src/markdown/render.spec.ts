import { describe, expect, it } from '@jest/globals';
import { Element } from '../classify/elements.js';
import { FigureRegion } from '../model.js';
import { renderMarkdown, renderTable } from './render.js';

const at = { page: 1, bbox: [0, 0, 10, 10] as [number, number, number, number] };
const region: FigureRegion = { bbox: at.bbox, images: [], vectors: 0, curves: 0 };
/** Markdown of elements none of which has a figure file. */
const markdownOf = (...elements: Element[]) => renderMarkdown(elements, () => null);

describe('renderMarkdown', () => {
  it('writes headings by level and paragraphs apart, ending in one newline', () => {
    const md = markdownOf(
      { kind: 'heading', ...at, level: 1, text: 'Title' },
      { kind: 'heading', ...at, level: 3, text: '1.2 Scope' },
      { kind: 'paragraph', ...at, text: 'Some text.', size: 10 },
      { kind: 'paragraph', ...at, text: '   ', size: 10 },
    );
    expect(md).toBe('# Title\n\n### 1.2 Scope\n\nSome text.\n');
  });

  it("indents nested list items to their parent's text, keeping the numbering Markdown knows", () => {
    const md = markdownOf({
      kind: 'list',
      ...at,
      items: [
        { level: 0, ordered: false, marker: '•', text: 'bullet' },
        { level: 1, ordered: true, marker: '2)', text: 'numbered' },
        { level: 2, ordered: false, marker: '–', text: 'deep' },
        { level: 1, ordered: true, marker: '(a)', text: 'lettered' },
        { level: 0, ordered: true, marker: '10.', text: 'tenth' },
        { level: 1, ordered: false, marker: '•', text: 'under ten' },
      ],
    });
    expect(md).toBe('- bullet\n  2) numbered\n     - deep\n  - (a) lettered\n10. tenth\n    - under ten\n');
  });

  it('fences code and names figure files with their caption as alt text', () => {
    const figure: Element = {
      kind: 'figure',
      ...at,
      figure: region,
      caption: 'Figure 1: [a] chart\nof  data',
    };
    const lost: Element = { kind: 'figure', ...at, figure: region, caption: 'Figure 2' };
    const md = renderMarkdown([{ kind: 'code', ...at, text: 'a = 1\n  b = 2' }, figure, lost], (el) =>
      el === figure ? 'figures/picture-1.png' : null,
    );
    expect(md).toBe('```\na = 1\n  b = 2\n```\n\n![Figure 1: a chart of data](figures/picture-1.png)\n');
  });

  it('renders a table with a header rule, escaped pipes and short rows padded', () => {
    const md = markdownOf({
      kind: 'table',
      ...at,
      rows: [
        ['Name', 'Value', 'Unit'],
        ['a|b', '1'],
        ['c', ' 2\n  3 ', 'mm'],
      ],
      caption: null,
    });
    expect(md).toBe('| Name | Value | Unit |\n| - | - | - |\n| a\\|b | 1 |  |\n| c | 2 3 | mm |\n');
  });
});

describe('renderTable', () => {
  it('is as wide as the widest row', () => {
    expect(renderTable([['x'], ['1', '2']])).toBe('| x |  |\n| - | - |\n| 1 | 2 |');
  });
});
