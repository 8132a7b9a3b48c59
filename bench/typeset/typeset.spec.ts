import { describe, expect, it } from '@jest/globals';
import { writeAnswer } from './answer.js';
import { documentFeatures } from './features.js';
import { generateDocument, type GenerateOptions } from './generate.js';
import { renderHtml } from './html.js';
import { escapeLatex, renderLatex } from './latex.js';
import type { DocumentModel } from './model.js';
import { renderPandocMarkdown } from './pandoc.js';
import { planCorpus } from './plan.js';

const options: GenerateOptions = {
  seed: 42,
  numbering: 'flat',
  maxColumns: 6,
  abstract: true,
  tables: true,
  mergedHeaders: true,
  longTable: false,
  lists: true,
  code: true,
  figures: true,
  subfigures: true,
  charts: true,
  footnotes: true,
  unnumbered: true,
  numbered: true,
  tableStyle: 'booktabs',
};

const small: DocumentModel = {
  title: 'A Study of Sensors',
  authors: 'Ana Silva',
  abstract: 'We measure things.',
  blocks: [
    { kind: 'heading', level: 1, number: '1', text: 'Introduction' },
    { kind: 'paragraph', parts: ['First sentence.', { footnote: 1 }, ' Second sentence.'] },
    {
      kind: 'list',
      ordered: false,
      items: [
        {
          text: 'Outer item',
          children: { kind: 'list', ordered: true, items: [{ text: 'Inner item', children: null }] },
        },
        { text: 'Last item', children: null },
      ],
    },
    { kind: 'heading', level: 2, number: '1.1', text: 'Setup' },
    {
      kind: 'table',
      label: 'Table 1',
      caption: 'Results.',
      columns: ['Method', 'P', 'R'],
      groups: [{ label: 'Scores', span: 2 }],
      rows: [['Ours', '0.9', '0.8']],
      style: 'booktabs',
      long: false,
    },
    { kind: 'code', language: 'python', lines: ['def f(x):', '    return x'] },
    { kind: 'heading', level: 1, number: null, text: 'Acknowledgements' },
    {
      kind: 'figure',
      label: 'Figure 1',
      caption: 'Two views.',
      images: [
        { file: 'image-1.png', chart: null, subcaption: 'Left' },
        { file: 'image-2.png', chart: null, subcaption: 'Right' },
      ],
    },
  ],
  footnotes: ['A note.'],
};

describe('writeAnswer', () => {
  it('writes the Markdown a reader sees, in the reference answers conventions', () => {
    expect(writeAnswer(small)).toBe(
      [
        '# A Study of Sensors',
        'Ana Silva',
        '## Abstract',
        'We measure things.',
        '## 1 Introduction',
        'First sentence.1 Second sentence.',
        '- Outer item\n  1. Inner item\n- Last item',
        '### 1.1 Setup',
        'Table 1: Results.\n\n| Method | Scores | Scores |\n| - | - | - |\n| Method | P | R |\n| Ours | 0.9 | 0.8 |',
        '```\ndef f(x):\n    return x\n```',
        '## Acknowledgements',
        '<!-- image -->\n\n(a) Left\n\n<!-- image -->\n\n(b) Right\n\nFigure 1: Two views.',
        '1 A note.',
      ].join('\n\n') + '\n',
    );
  });

  it('lists the features the model holds', () => {
    expect(documentFeatures(small, true)).toEqual([
      'headings',
      'tables',
      'merged-headers',
      'lists',
      'nested-lists',
      'code',
      'figures',
      'subfigures',
      'footnotes',
      'two-column',
    ]);
  });
});

describe('renderers', () => {
  it('print the same numbers and captions the answer holds', () => {
    const latex = renderLatex(small, {
      layout: 'article',
      font: 'times',
      runningHeader: true,
      listings: true,
    });
    expect(latex).toContain('\\section{Introduction}');
    expect(latex).toContain('\\section*{Acknowledgements}');
    expect(latex).toContain('First sentence.\\footnote{A note.} Second sentence.');
    expect(latex).toContain('\\multicolumn{2}{c}{Scores}');
    const html = renderHtml(small, { stylesheet: 'sans-zebra', dataUris: false }, (f) => f);
    expect(html).toContain('<h2>1 Introduction</h2>');
    expect(html).toContain('<th colspan="2">Scores</th>');
    expect(html).toContain('<figcaption>(b) Right</figcaption>');
    expect(renderPandocMarkdown(small)).toContain('## 1.1 Setup');
  });

  it('escape the characters LaTeX treats specially', () => {
    expect(escapeLatex('50% of #3 & a_b {x}')).toBe('50\\% of \\#3 \\& a\\_b \\{x\\}');
  });
});

describe('generateDocument', () => {
  it('is a pure function of its options', () => {
    const first = generateDocument(options);
    expect(generateDocument(options)).toEqual(first);
    expect(writeAnswer(generateDocument(options).model)).toBe(writeAnswer(first.model));
    expect(generateDocument({ ...options, seed: 43 }).model).not.toEqual(first.model);
  });

  it('numbers tables and figures by chapter in a report, restarting at each chapter', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { model } = generateDocument({ ...options, seed, numbering: 'chapter', unnumbered: false });
      let chapter = '0';
      let tables = 0;
      for (const block of model.blocks) {
        if (block.kind === 'heading' && block.level === 1) [chapter, tables] = [block.number!, 0];
        if (block.kind === 'table') expect(block.label).toBe(`Table ${chapter}.${++tables}`);
      }
    }
  });

  it('gives unnumbered sections unnumbered subsections and keeps merged header spans whole', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { model } = generateDocument({ ...options, seed });
      let parentNumbered = true;
      for (const block of model.blocks) {
        if (block.kind === 'heading' && block.level === 1) parentNumbered = block.number !== null;
        else if (block.kind === 'heading') expect(block.number !== null).toBe(parentNumbered);
        if (block.kind === 'table' && block.groups) {
          expect(block.groups.reduce((s, g) => s + g.span, 0)).toBe(block.columns.length - 1);
        }
      }
    }
  });
});

describe('planCorpus', () => {
  it('plans the same 120 documents every time, named by family', () => {
    const plan = planCorpus();
    expect(planCorpus()).toEqual(plan);
    expect(plan).toHaveLength(120);
    const count = (family: string) => plan.filter((d) => d.family === family).length;
    expect([count('latex'), count('chromium'), count('libreoffice')]).toEqual([50, 40, 30]);
    for (const doc of plan) expect(doc.name.startsWith(`${doc.family}-`)).toBe(true);
    expect(new Set(plan.map((d) => d.name)).size).toBe(plan.length);
  });
});
