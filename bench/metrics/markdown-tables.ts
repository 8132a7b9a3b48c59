import { splitLines, strip } from './text.js';

/** Cells of a pipe-table row (outer pipes dropped, cells trimmed), or null for a line without `|`. */
function splitRow(line: string): string[] | null {
  const trimmed = strip(line);
  if (!trimmed.includes('|')) return null;
  let cells = trimmed.split('|');
  if (trimmed.startsWith('|')) cells = cells.slice(1);
  if (cells.length > 0 && trimmed.endsWith('|')) cells = cells.slice(0, -1);
  return cells.length > 0 ? cells.map(strip) : null;
}

function isSeparatorRow(cells: string[]): boolean {
  return cells.every((cell) => /^[-:]+$/.test(cell.replace(/ /g, '')));
}

function fitToWidth(cells: string[], width: number): string[] {
  if (cells.length >= width) return cells.slice(0, width);
  return [...cells, ...new Array<string>(width - cells.length).fill('')];
}

/** Python's html.escape(text, quote=True). */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

function tableHtml(header: string[], rows: string[][]): string {
  const row = (cells: string[], tag: string) =>
    `<tr>${cells.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
  return `<table>${row(header, 'th')}${rows.map((cells) => row(cells, 'td')).join('')}</table>`;
}

/**
 * The benchmark's shared first step: every pipe table (header row, separator row, then rows up to
 * the first line without `|`) becomes one line of HTML, so Markdown and HTML answers compare alike.
 * The rest of the text is kept byte for byte, since NID reads it.
 */
export function markdownTablesToHtml(markdown: string): string {
  const lines = splitLines(markdown, true);
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = splitRow(lines[i]);
    const separator = i + 1 < lines.length ? splitRow(lines[i + 1]) : null;
    if (!header || !separator || !isSeparatorRow(separator)) {
      out.push(lines[i++]);
      continue;
    }
    const width = Math.max(header.length, separator.length);
    const rows: string[][] = [];
    let next = i + 2;
    while (next < lines.length) {
      const cells = splitRow(lines[next]);
      if (!cells) break;
      rows.push(fitToWidth(cells, width));
      next++;
    }
    const lineEnd = /(\r\n|\r|\n)?$/.exec(lines[i])![0];
    out.push(tableHtml(fitToWidth(header, width), rows) + lineEnd);
    i = next;
  }
  return out.join('');
}
