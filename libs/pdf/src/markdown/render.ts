import { Element } from '../classify/elements.js';

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
        parts.push(
          el.items
            .map(
              (it) => `${'    '.repeat(it.level)}${it.ordered ? orderedMarker(it.marker) : '-'} ${it.text}`,
            )
            .join('\n'),
        );
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
