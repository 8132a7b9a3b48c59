import type { Block, DocumentModel, InlinePart, List, Table } from './model.js';

/**
 * The exact Markdown answer, in the conventions of the reference answers bench/metrics scores:
 * `#` title, `##`..`####` headings with their printed numbers, pictures as `<!-- image -->` followed
 * by their caption, pipe tables with merged header cells repeated, fenced code, `-`/`1.` lists
 * indented two spaces a level, and footnotes as "n text" after the text they close.
 */
export function writeAnswer(model: DocumentModel): string {
  const parts: string[] = [`# ${model.title}`, model.authors];
  if (model.abstract) parts.push('## Abstract', model.abstract);
  for (const block of model.blocks) parts.push(writeBlock(block));
  model.footnotes.forEach((text, i) => parts.push(`${i + 1} ${text}`));
  return parts.join('\n\n') + '\n';
}

/** Footnote references print as a raised number right after the sentence. */
export function inlineText(parts: InlinePart[], reference: (n: number) => string = String): string {
  return parts.map((part) => (typeof part === 'string' ? part : reference(part.footnote))).join('');
}

function writeBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${headingText(block)}`;
    case 'paragraph':
      return inlineText(block.parts);
    case 'list':
      return writeList(block, 0).join('\n');
    case 'table':
      return `${block.label}: ${block.caption}\n\n${writeTable(block)}`;
    case 'code':
      return ['```', ...block.lines, '```'].join('\n');
    case 'figure': {
      const images = block.images.flatMap((image, i) =>
        image.subcaption ? ['<!-- image -->', `(${subLetter(i)}) ${image.subcaption}`] : ['<!-- image -->'],
      );
      return [...images, `${block.label}: ${block.caption}`].join('\n\n');
    }
  }
}

export const headingText = (h: { number: string | null; text: string }): string =>
  h.number ? `${h.number} ${h.text}` : h.text;

export const subLetter = (i: number): string => String.fromCharCode(97 + i);

function writeList(list: List, depth: number): string[] {
  return list.items.flatMap((item, i) => [
    `${'  '.repeat(depth)}${list.ordered ? `${i + 1}.` : '-'} ${item.text}`,
    ...(item.children ? writeList(item.children, depth + 1) : []),
  ]);
}

/** Header rows as printed: with groups, the group row (each label once per column it spans) and the column row. */
export function headerRows(table: Table): string[][] {
  if (!table.groups) return [table.columns];
  const top = [table.columns[0], ...table.groups.flatMap((g) => Array<string>(g.span).fill(g.label))];
  return [top, table.columns];
}

function writeTable(table: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const [first, ...more] = headerRows(table);
  return [line(first), line(first.map(() => '-')), ...more.map(line), ...table.rows.map(line)].join('\n');
}
