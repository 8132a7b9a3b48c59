import { Element } from '../classify/elements.js';
import { attachCaptions, joinContinuations } from '../classify/structure.js';
import { PageItem, StructNode, TextRun } from '../model.js';
import { headingLevel } from './roles.js';
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
 * covered, or when the tree contradicts the pages (see `contradicts`).
 */
export function structureElements(
  pages: TaggedPageInput[],
  kept: PageItem[][],
  geometric: Element[],
): Element[] | null {
  if (!pages.some((p) => p.tagged)) return null;
  const roles = new Set<string>();
  for (const p of pages) if (p.tagged) collectRoles(p.tagged.tree, roles);
  if (contradicts(roles, geometric)) return null;
  const out: Element[] = [];
  const spanning = new Set<Element>();
  const sizes = new Map<Element, number>();
  let used = 0;
  pages.forEach((p, i) => {
    const mine = geometric.filter((e) => e.page === p.page);
    if (!p.tagged || taggedShare(p.tagged.tree, p.tagged.runs) < MIN_TAGGED_SHARE)
      return void out.push(...mine);
    used++;
    const { elements, spanning: spans, headingSizes } = pageElements(sourceOf(p, kept[i] ?? []));
    headingSizes.forEach((size, el) => sizes.set(el, size));
    const [first] = elements;
    const prev = out[out.length - 1];
    // A table broken by the page end goes on at the top of the next: one table, its header once.
    if (first?.kind === 'table' && prev?.kind === 'table' && spans.has(first) && spanning.has(prev)) {
      const joined = { ...prev, rows: [...prev.rows, ...continuedRows(prev.rows, first.rows)] };
      out[out.length - 1] = joined;
      spanning.add(joined);
      elements.shift();
    }
    out.push(...elements);
    spans.forEach((t) => spanning.add(t));
  });
  if (!used) return null;
  return attachCaptions(joinContinuations({ elements: withTitle(out, sizes), headings: [] }).elements);
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

/**
 * A tree that lacks a kind of element the geometry finds (headings, tables) while tagging the same
 * text: every block tagged P, or tables tagged as paragraphs. The geometry is read instead. Lists do
 * not count: a wrapped line starting with a number reads to the geometry as a list, and one such
 * line would set aside a tree that is right everywhere else.
 */
function contradicts(roles: Set<string>, geometric: Element[]): boolean {
  const has = (test: (role: string) => boolean) => [...roles].some(test);
  const found = (kind: Element['kind']) => geometric.some((e) => e.kind === kind);
  return (
    (found('heading') && !has((r) => headingLevel(r) !== null)) || (found('table') && !roles.has('Table'))
  );
}

/**
 * Word processors tag the document's title as a paragraph (its Title style has no heading role) and
 * its sections from H1. A paragraph before the first heading set larger than every heading is the
 * title: level 1, with the headings below it one level down.
 */
function withTitle(elements: Element[], sizes: Map<Element, number>): Element[] {
  const first = elements.findIndex((e) => e.kind === 'heading');
  if (first < 0) return elements;
  const largest = Math.max(...sizes.values());
  const at = elements
    .slice(0, first)
    .findIndex((e) => e.kind === 'paragraph' && e.size > largest + 0.5 && e.text.length <= 200);
  if (at < 0) return elements;
  const title = elements[at] as Element & { kind: 'paragraph' };
  const shift = elements.some((e) => e.kind === 'heading' && e.level === 1) ? 1 : 0;
  return elements.map((e) => {
    if (e === title) return { kind: 'heading', page: e.page, bbox: e.bbox, level: 1, text: title.text };
    return e.kind === 'heading' ? { ...e, level: Math.min(6, e.level + shift) } : e;
  });
}

/** The rows a table continued from an earlier page adds: its repeated header row, if any, left out. */
function continuedRows(before: string[][], rows: string[][]): string[][] {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i]);
  return before.length && same(before[0], rows[0]) ? rows.slice(1) : rows;
}

function collectRoles(node: StructNode, roles: Set<string>): void {
  if (!isElement(node)) return;
  roles.add(node.role);
  node.children.forEach((c) => collectRoles(c, roles));
}
