import { Element, ListItem } from '../classify/elements.js';

/** Markdown for the document; `figureFile(el)` names the PNG of a figure (null when it has none). */
export function renderMarkdown(
  elements: Element[],
  figureFile: (el: Element & { kind: 'figure' }) => string | null,
): string {
  const parts: string[] = [];
  for (const el of elements) {
    switch (el.kind) {
      case 'heading':
        parts.push(`${'#'.repeat(el.level)} ${el.text}`);
        break;
      case 'paragraph':
        parts.push(el.text);
        break;
      case 'list':
        parts.push(renderList(el.items));
        break;
      case 'code':
        parts.push('```\n' + el.text + '\n```');
        break;
      case 'table':
        parts.push(renderTable(el.rows));
        break;
      case 'figure': {
        const file = figureFile(el);
        if (file) parts.push(`![${altText(el.caption)}](${file})`);
        break;
      }
    }
  }
  return parts.filter((p) => p.trim()).join('\n\n') + '\n';
}

/**
 * List items, each nested item indented to where its parent's text starts (two spaces under "- ",
 * three under "1. "), as CommonMark reads nesting.
 */
export function renderList(items: ListItem[]): string {
  // Indent of the text of the latest item at each depth.
  const textAt: number[] = [];
  return items
    .map((it) => {
      const level = Math.min(it.level, textAt.length);
      const indent = level ? textAt[level - 1] : 0;
      const marker = it.ordered ? orderedMarker(it.marker) : '-';
      textAt.length = level;
      textAt.push(indent + marker.length + 1);
      return `${' '.repeat(indent)}${marker} ${it.text}`;
    })
    .join('\n');
}

/** Markdown knows "1." and "1)"; other numberings ("(a)", "iv)") are kept as text after a dash. */
function orderedMarker(marker: string): string {
  return /^\d{1,3}[.)]$/.test(marker) ? marker : `- ${marker}`;
}

function altText(caption: string | null): string {
  return (caption ?? '').replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim();
}

export function renderTable(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  const line = (r: string[]) =>
    '| ' + Array.from({ length: width }, (_, i) => cell(r[i] ?? '')).join(' | ') + ' |';
  return [line(rows[0]), '| ' + Array(width).fill('-').join(' | ') + ' |', ...rows.slice(1).map(line)].join(
    '\n',
  );
}
