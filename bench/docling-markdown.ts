/**
 * Markdown of a DoclingDocument, for corpora whose answer is the document itself (a folder per case
 * with `expected.json`). It follows Docling's own Markdown export where the metrics can see it:
 * headings as `#` lines, list items as `- ` lines, tables as pipe tables, a picture as
 * `<!-- image -->` after its caption; furniture (headers, footers, page numbers) and the text inside
 * pictures are left out, as Docling leaves them out.
 */

interface Ref {
  cref: string;
}

interface DoclingNode {
  self_ref?: string;
  children?: Ref[];
  content_layer?: string;
  label?: string;
  text?: string;
  level?: number;
  enumerated?: boolean;
  captions?: Ref[];
  data?: { grid?: { text?: string }[][] };
}

export interface DoclingTree {
  body?: DoclingNode;
  texts?: DoclingNode[];
  groups?: DoclingNode[];
  pictures?: DoclingNode[];
  tables?: DoclingNode[];
}

const HIDDEN_TEXT = new Set(['page_header', 'page_footer']);

export function doclingMarkdown(doc: DoclingTree): string {
  const resolve = (ref: Ref): DoclingNode | undefined => {
    const [, kind, index] = ref.cref.split('/');
    const list = (doc as Record<string, DoclingNode[] | undefined>)[kind];
    return list?.[Number(index)];
  };
  const captionsOf = (node: DoclingNode) =>
    (node.captions ?? []).map((ref) => resolve(ref)?.text ?? '').filter((t) => t.trim());
  const used = new Set<DoclingNode>();
  const blocks: string[] = [];
  const visit = (node: DoclingNode, listDepth: number, ordered: boolean) => {
    if (used.has(node) || node.content_layer === 'furniture') return;
    used.add(node);
    const kind = node.self_ref?.split('/')[1];
    if (kind === 'texts') {
      const text = (node.text ?? '').trim();
      if (!text || HIDDEN_TEXT.has(node.label ?? '')) return;
      blocks.push(textBlock(node, text, listDepth, ordered));
      // Text nested under text (a list item's continuation) follows it.
      for (const child of node.children ?? []) visitRef(child, listDepth, ordered);
      return;
    }
    if (kind === 'pictures') {
      for (const ref of node.captions ?? []) markUsed(ref);
      blocks.push([...captionsOf(node), '<!-- image -->'].join('\n\n'));
      return;
    }
    if (kind === 'tables') {
      for (const ref of node.captions ?? []) markUsed(ref);
      blocks.push([...captionsOf(node), pipeTable(node)].filter(Boolean).join('\n\n'));
      return;
    }
    if (kind === 'groups') {
      const list = node.label === 'list' || node.label === 'ordered_list';
      const depth = list ? listDepth + 1 : listDepth;
      const isOrdered = list ? node.label === 'ordered_list' : ordered;
      if (node.label === 'inline') {
        const parts = (node.children ?? []).map(resolve).flatMap((n) => (n?.text ? [n.text.trim()] : []));
        (node.children ?? []).forEach(markUsed);
        if (parts.length) blocks.push(parts.join(' '));
        return;
      }
      for (const child of node.children ?? []) visitRef(child, depth, isOrdered);
      return;
    }
    for (const child of node.children ?? []) visitRef(child, listDepth, ordered);
  };
  const markUsed = (ref: Ref) => {
    const node = resolve(ref);
    if (node) used.add(node);
  };
  const visitRef = (ref: Ref, depth: number, ordered: boolean) => {
    const node = resolve(ref);
    if (node) visit(node, depth, ordered);
  };
  if (doc.body) visit(doc.body, 0, false);
  return blocks.join('\n\n') + '\n';
}

function textBlock(node: DoclingNode, text: string, listDepth: number, ordered: boolean): string {
  const label = node.label ?? 'text';
  if (label === 'title') return `# ${text}`;
  if (label === 'section_header') return `${'#'.repeat(Math.min(6, (node.level ?? 1) + 1))} ${text}`;
  if (label === 'list_item') {
    const indent = '    '.repeat(Math.max(0, listDepth - 1));
    return `${indent}${ordered || node.enumerated ? '1.' : '-'} ${text}`;
  }
  if (label === 'code') return '```\n' + text + '\n```';
  if (label === 'formula') return `$$${text}$$`;
  return text;
}

function pipeTable(node: DoclingNode): string {
  const grid = node.data?.grid ?? [];
  if (!grid.length) return '';
  const cell = (c: { text?: string }) => (c.text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  const rows = grid.map((row) => `| ${row.map(cell).join(' | ')} |`);
  const rule = `| ${grid[0].map(() => '-').join(' | ')} |`;
  return [rows[0], rule, ...rows.slice(1)].join('\n');
}
