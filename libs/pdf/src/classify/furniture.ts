import { PageItem } from '../model.js';
import { numberingDepth } from './headings.js';
import { blockText } from './text.js';

/** Share of the page height, at top and bottom, where running headers and footers live. */
const MARGIN_BAND = 0.14;

/** Text this much larger than the body is display text: headings, titles. */
const DISPLAY_SIZE = 1.3;

const PAGE_NUMBER = /^(page\s*)?[-–(]?\s*(\d{1,4}|[ivxlc]{1,6})\s*[-–)]?(\s*(of|\/)\s*\d{1,4})?$/i;

function signature(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Removes running headers, footers and page numbers: short text in the top or bottom band that repeats
 * across pages (digits ignored), that is a bare page number, or that sits alone at the page edge in a
 * font no larger than the body.
 */
export function dropFurniture(
  pages: { height: number; items: PageItem[] }[],
  bodySize: number,
): PageItem[][] {
  const edgeOf = (page: { height: number; items: PageItem[] }) => {
    const texts = page.items.filter((i) => i.kind === 'text');
    const top = Math.max(...page.items.map((i) => i.bbox[3]));
    const bottom = Math.min(...page.items.map((i) => i.bbox[1]));
    return texts.filter((item) => {
      if (item.block.lines.length > 2) return false;
      const inTop = item.bbox[1] > page.height * (1 - MARGIN_BAND) || item.bbox[3] >= top - 2;
      const inBottom = item.bbox[3] < page.height * MARGIN_BAND || item.bbox[1] <= bottom + 2;
      return inTop || inBottom;
    });
  };
  // Display text (headings, titles) repeats as furniture only in display size and word for word: a
  // title repeated small in the running headers, or "Chapter 2" atop each chapter, is not furniture.
  const keyOf = (item: PageItem) => {
    if (item.kind !== 'text') return '';
    const text = blockText(item.block);
    return item.block.size >= bodySize * DISPLAY_SIZE ? `display:${text}` : signature(text);
  };
  const counts = new Map<string, number>();
  const edges = pages.map(edgeOf);
  for (const list of edges) {
    for (const key of new Set(list.map(keyOf))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return pages.map((page, p) => {
    const drop = new Set<PageItem>();
    const others = page.items;
    for (const item of edges[p]) {
      if (item.kind !== 'text') continue;
      const text = blockText(item.block);
      const repeated =
        item.block.lines.length === 1 &&
        text.length <= 120 &&
        pages.length > 1 &&
        (counts.get(keyOf(item)) ?? 0) >= Math.max(2, pages.length * 0.3);
      const number = PAGE_NUMBER.test(text.trim());
      const lonely = isLonelyEdgeLine(item, others, bodySize);
      if (repeated || number || lonely) drop.add(item);
    }
    return page.items.filter((i) => !drop.has(i));
  });
}

/** A single small line at the very top or bottom, set apart from everything else by a wide gap. */
function isLonelyEdgeLine(item: PageItem, all: PageItem[], bodySize: number): boolean {
  if (item.kind !== 'text' || item.block.lines.length > 1) return false;
  const line = item.block.lines[0];
  if (line.size > bodySize * 1.05 || line.text.length > 120) return false;
  // A numbered heading in bold or italic at the top of a page keeps a heading's space below it.
  if ((line.bold || line.italic) && numberingDepth(line.text) > 0) return false;
  const rest = all.filter((o) => o !== item && !(o.bbox[1] <= item.bbox[3] && item.bbox[1] <= o.bbox[3]));
  if (!rest.length) return false;
  const above = rest.every((o) => o.bbox[3] < item.bbox[1]);
  const below = rest.every((o) => o.bbox[1] > item.bbox[3]);
  if (!above && !below) return false;
  const gap = above
    ? item.bbox[1] - Math.max(...rest.map((o) => o.bbox[3]))
    : Math.min(...rest.map((o) => o.bbox[1])) - item.bbox[3];
  return gap > 1.5 * line.size;
}
