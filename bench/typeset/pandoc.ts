import { headingText, inlineText, subLetter } from './answer.js';
import type { Block, DocumentModel, List, Table } from './model.js';

/**
 * pandoc Markdown for the word-processor family: pandoc turns it into DOCX or ODT with Word's own
 * styles (Title, Heading 1-3, lists, tables, captioned images, footnotes). Numbers are in the
 * heading text, as a writer types them.
 */
function list(block: List, depth: number): string[] {
  return block.items.flatMap((item, i) => [
    `${'    '.repeat(depth)}${block.ordered ? `${i + 1}.` : '-'} ${item.text}`,
    ...(item.children ? ['', ...list(item.children, depth + 1), ''] : []),
  ]);
}

function table(t: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  // pandoc sizes a table whose rows are wider than its 72 columns by the separator's dashes: give each
  // column its share of the 72 by its longest word, so that words wrap whole, as a writer would set it.
  const cells = (c: number) => [t.columns[c], ...t.rows.map((r) => r[c])];
  const need = t.columns.map((_, c) =>
    Math.max(...cells(c).flatMap((cell) => cell.split(' ').map((word) => word.length + 4))),
  );
  const total = need.reduce((s, n) => s + n, 0);
  const dashes = need.map((n) => Math.max(3, Math.floor((n * 72) / Math.max(total, 72))));
  const rule = `|${dashes.map((d, c) => (c === 0 ? `:${'-'.repeat(d)}` : `${'-'.repeat(d)}:`)).join('|')}|`;
  return [line(t.columns), rule, ...t.rows.map(line), '', `Table: ${t.label}: ${t.caption}`].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${headingText(b)}`;
    case 'paragraph':
      return inlineText(b.parts, (n) => `[^${n}]`);
    case 'list':
      return list(b, 0)
        .join('\n')
        .replace(/\n{3,}/g, '\n\n');
    case 'table':
      return table(b);
    case 'code':
      return ['```' + b.language, ...b.lines, '```'].join('\n');
    case 'figure': {
      if (b.images.length === 1) return `![${b.label}: ${b.caption}](${b.images[0].file}){width=70%}`;
      const subs = b.images.map(
        (image, i) => `![(${subLetter(i)}) ${image.subcaption}](${image.file}){width=45%}`,
      );
      return [...subs, `${b.label}: ${b.caption}`].join('\n\n');
    }
  }
}

export function renderPandocMarkdown(model: DocumentModel): string {
  const meta = ['---', `title: "${model.title}"`, `author: "${model.authors}"`, '---'];
  const parts = [meta.join('\n')];
  if (model.abstract) parts.push('# Abstract', model.abstract);
  parts.push(...model.blocks.map(block));
  parts.push(...model.footnotes.map((text, i) => `[^${i + 1}]: ${text}`));
  return parts.join('\n\n') + '\n';
}
