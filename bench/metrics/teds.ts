import { decodeHTML } from 'entities';
import { childElements, findTables, parseHtml, type HtmlElement } from './html-tables.js';
import { markdownTablesToHtml } from './markdown-tables.js';
import { normalizedLevenshtein } from './levenshtein.js';
import { collapseWhitespace } from './text.js';
import { countNodes, treeEditDistance } from './tree-edit-distance.js';

interface TableNode {
  tag: string;
  colspan: number;
  rowspan: number;
  /** Normalised cell text; only for `td`. */
  text: string;
  children: TableNode[];
}

// Row groups carry no meaning for the score; their rows hang directly under the table.
const TRANSPARENT_TAGS = new Set(['thead', 'tbody', 'tfoot']);

function textContent(element: HtmlElement): string {
  return element.parts.map((part) => (typeof part === 'string' ? part : textContent(part))).join('');
}

function span(element: HtmlElement, name: string): number {
  const value = Number.parseInt(element.attributes[name] ?? '1', 10);
  return Number.isNaN(value) ? 1 : value;
}

function toTableNode(element: HtmlElement): TableNode {
  // `th` counts as `td`: header cells are a styling choice that Markdown cannot express.
  if (element.tag === 'td' || element.tag === 'th') {
    // As the published scorer does: unescaped once more (so `&amp;` in a Markdown cell equals `&` in
    // HTML) and `<br>`, the only way a pipe-table cell can hold a line break, read as whitespace.
    const text = collapseWhitespace(decodeHTML(textContent(element)).replace(/<br\s*\/?>/g, '\n'));
    return {
      tag: 'td',
      colspan: span(element, 'colspan'),
      rowspan: span(element, 'rowspan'),
      text,
      children: [],
    };
  }
  return { tag: element.tag, colspan: 1, rowspan: 1, text: '', children: toTableChildren(element) };
}

function toTableChildren(element: HtmlElement): TableNode[] {
  return childElements(element).flatMap((child) =>
    TRANSPARENT_TAGS.has(child.tag) ? toTableChildren(child) : [toTableNode(child)],
  );
}

function renameCost(a: TableNode, b: TableNode): number {
  if (a.tag !== b.tag || a.colspan !== b.colspan || a.rowspan !== b.rowspan) return 1;
  return a.tag === 'td' ? normalizedLevenshtein(a.text, b.text) : 0;
}

/** The tables of a Markdown document (pipe or HTML), as children of one synthetic root. */
export function tablesTree(markdown: string): TableNode {
  const tables = findTables(parseHtml(markdownTablesToHtml(markdown)));
  return { tag: '#root', colspan: 1, rowspan: 1, text: '', children: tables.map(toTableNode) };
}

/**
 * TEDS: tree-edit-distance similarity of all tables, cell text compared by normalised Levenshtein.
 * Null when the answer has no table, 0 when the output has none.
 */
export function teds(answer: string, output: string): number | null {
  const answerTree = tablesTree(answer);
  if (answerTree.children.length === 0) return null;
  const outputTree = tablesTree(output);
  if (outputTree.children.length === 0) return 0;
  const nodes = Math.max(countNodes(answerTree), countNodes(outputTree)) - 1;
  return 1 - treeEditDistance(outputTree, answerTree, renameCost) / nodes;
}
