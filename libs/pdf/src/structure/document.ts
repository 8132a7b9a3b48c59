import { Element } from '../classify/elements.js';
import { attachCaptions, joinContinuations } from '../classify/structure.js';
import { PageItem, StructNode, TextRun } from '../model.js';
import { isStructural } from './roles.js';
import { TaggedSource, contentIds, isElement, pageElements } from './page-elements.js';

/**
 * Share of a page's text (artifacts aside) its structure tree must reach for the tree to be read.
 * Word, LibreOffice and Chromium tag all of it (1.0 on every tagged document measured); trees written
 * by tools that tag only some paragraphs or only the first pages fall far below. Between the two,
 * a page whose tree leaves out a tenth of its text is read by the geometry, which misses nothing.
 */
export const MIN_TAGGED_SHARE = 0.9;

/** A page as the per-document stages see it: the page's tagged content when it has a tree. */
export interface TaggedPageInput {
  page: number;
  items: PageItem[];
  tagged?: { tree: StructNode; runs: TextRun[] };
}

/**
 * The document's elements from its structure tree, page by page: pages whose tree covers their text
 * are built from it, the others keep the geometry's elements. Null (the geometry alone) when no page is
 * covered, or when the tree contradicts the page: nothing but paragraphs tagged while the geometry
 * finds headings, lists or tables.
 */
export function structureElements(
  pages: TaggedPageInput[],
  kept: PageItem[][],
  geometric: Element[],
): Element[] | null {
  if (!pages.some((p) => p.tagged)) return null;
  const roles = new Set<string>();
  for (const p of pages) if (p.tagged) collectRoles(p.tagged.tree, roles);
  const shaped = [...roles].some(isStructural);
  if (!shaped && geometric.some((e) => e.kind === 'heading' || e.kind === 'table' || e.kind === 'list'))
    return null;
  const out: Element[] = [];
  let used = 0;
  pages.forEach((p, i) => {
    const mine = geometric.filter((e) => e.page === p.page);
    if (!p.tagged || taggedShare(p.tagged.tree, p.tagged.runs) < MIN_TAGGED_SHARE)
      return void out.push(...mine);
    used++;
    out.push(...pageElements(sourceOf(p, kept[i] ?? [])));
  });
  if (!used) return null;
  return attachCaptions(joinContinuations({ elements: out, headings: [] }).elements);
}

/** Share of the page's characters, artifacts and annotations aside, drawn in marked content the tree refers to. */
export function taggedShare(tree: StructNode, runs: TextRun[]): number {
  const ids = contentIds(tree);
  let all = 0;
  let tagged = 0;
  for (const r of runs) {
    if (r.artifact || r.annotation) continue;
    const n = r.text.trim().length;
    all += n;
    if (r.mcid && ids.has(r.mcid)) tagged += n;
  }
  return all === 0 ? 0 : tagged / all;
}

function sourceOf(p: TaggedPageInput, kept: PageItem[]): TaggedSource {
  const keptItems = new Set(kept);
  const furniture = new Set<TextRun>();
  for (const item of p.items) {
    if (item.kind === 'text' && !keptItems.has(item))
      item.block.lines.forEach((l) => l.runs.forEach((r) => furniture.add(r)));
  }
  return {
    page: p.page,
    tree: p.tagged!.tree,
    runs: p.tagged!.runs,
    figures: p.items.flatMap((i) => (i.kind === 'figure' ? [{ bbox: i.bbox, figure: i.figure }] : [])),
    furniture,
  };
}

function collectRoles(node: StructNode, roles: Set<string>): void {
  if (!isElement(node)) return;
  roles.add(node.role);
  node.children.forEach((c) => collectRoles(c, roles));
}
