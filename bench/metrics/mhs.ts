import { markdownTablesToHtml } from './markdown-tables.js';
import { normalizedLevenshtein } from './levenshtein.js';
import { collapseWhitespace, splitLines, WHITESPACE_CLASS } from './text.js';
import { countNodes, treeEditDistance } from './tree-edit-distance.js';

interface OutlineNode {
  kind: 'root' | 'heading' | 'content';
  text: string;
  children: OutlineNode[];
}

// Any ATX heading; its level is ignored, the outline is flat.
const HEADING = new RegExp(`^#{1,6}${WHITESPACE_CLASS}+(.*)$`);

/** Root, one node per heading, and under each the section's non-blank text as a single node. */
export function outlineTree(markdown: string): OutlineNode {
  const root: OutlineNode = { kind: 'root', text: '', children: [] };
  let section = root;
  let pending: string[] = [];
  const flush = () => {
    const text = collapseWhitespace(pending.join(' '));
    if (text) section.children.push({ kind: 'content', text, children: [] });
    pending = [];
  };
  for (const line of splitLines(markdownTablesToHtml(markdown))) {
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      section = { kind: 'heading', text: collapseWhitespace(heading[1]), children: [] };
      root.children.push(section);
    } else {
      const text = collapseWhitespace(line);
      if (text) pending.push(text);
    }
  }
  flush();
  return root;
}

function renameCost(a: OutlineNode, b: OutlineNode): number {
  return a.kind === b.kind ? normalizedLevenshtein(a.text, b.text) : 1;
}

const hasHeading = (tree: OutlineNode) => tree.children.some((child) => child.kind === 'heading');

/** MHS: similarity of the heading outlines with their section text. Null when the answer has no heading. */
export function mhs(answer: string, output: string): number | null {
  const answerTree = outlineTree(answer);
  if (!hasHeading(answerTree)) return null;
  const outputTree = outlineTree(output);
  if (!hasHeading(outputTree)) return 0;
  const nodes = Math.max(countNodes(answerTree), countNodes(outputTree));
  const score = 1 - treeEditDistance(answerTree, outputTree, renameCost) / nodes;
  return Math.min(1, Math.max(0, score));
}
