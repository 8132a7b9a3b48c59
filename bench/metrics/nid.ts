import { lcsLength } from './lcs.js';
import { markdownTablesToHtml } from './markdown-tables.js';
import { codePoints, collapseWhitespace } from './text.js';

/**
 * NID: text and reading order, `2 * LCS / (len(answer) + len(output))` over whitespace-collapsed
 * Markdown (markup included). Null when the answer is empty.
 */
export function nid(answer: string, output: string): number | null {
  const a = collapseWhitespace(markdownTablesToHtml(answer));
  if (!a) return null;
  const b = collapseWhitespace(markdownTablesToHtml(output));
  const total = codePoints(a).length + codePoints(b).length;
  return (2 * lcsLength(a, b)) / total;
}
