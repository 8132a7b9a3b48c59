import { Line, PageItem } from '../model.js';
import { boxGap, unionBox } from '../geometry.js';
import { toBlock } from '../layout/blocks.js';
import { listMarker } from '../layout/markers.js';
import { captionKind } from './captions.js';
import { Element, ListItem } from './elements.js';
import { isHeading, numberingDepth } from './headings.js';
import { blockText, joinLines } from './text.js';

/** A heading found by classification, with what its level is decided from once all are known. */
export interface HeadingCandidate {
  el: Element & { kind: 'heading' };
  size: number;
  bold: boolean;
}

/** Classified elements in reading order; their headings wait for their levels. */
export interface Classified {
  elements: Element[];
  headings: HeadingCandidate[];
}

/**
 * Stage: turns ordered page items into headings, paragraphs, lists, code, tables and figures. Lists
 * continuing on the same page are merged; paragraphs broken across columns and pages are not yet.
 */
export function classifyItems(items: PageItem[], bodySize: number): Classified {
  const out: Element[] = [];
  const pending: HeadingCandidate[] = [];
  const flow = items.flatMap(splitBeforeList);
  const startsList = (i: number) => {
    const it = flow[i];
    return it?.kind === 'text' && listMarker(it.block.lines[0].text) !== null;
  };
  for (const [index, item] of flow.entries()) {
    if (item.kind === 'figure') {
      out.push({ kind: 'figure', page: item.page, bbox: item.bbox, figure: item.figure, caption: null });
      continue;
    }
    if (item.kind === 'table') {
      out.push({ kind: 'table', page: item.page, bbox: item.bbox, rows: item.table.rows, caption: null });
      continue;
    }
    const block = item.block;
    const text = blockText(block);
    if (block.lines.every((l) => l.mono) && !captionKind(text)) {
      out.push({ kind: 'code', page: item.page, bbox: item.bbox, text: codeText(block.lines) });
      continue;
    }
    // A lone numbered line set larger than the body ("(2) Scope"), with no list around it, is a
    // subsection title.
    const marker = listMarker(block.lines[0].text);
    const numberedTitle =
      marker?.ordered === true &&
      block.lines.length === 1 &&
      block.size >= bodySize * 1.05 &&
      text.length < 100 &&
      !/[.,;:]$/.test(text) &&
      !startsList(index - 1) &&
      !startsList(index + 1);
    if (numberedTitle) {
      const el = { kind: 'heading' as const, page: item.page, bbox: item.bbox, level: 2, text };
      pending.push({ el, size: block.size, bold: block.lines.every((l) => l.bold) });
      out.push(el);
      continue;
    }
    if (marker && !captionKind(text)) {
      const items = listItems(block.lines);
      const prev = out[out.length - 1];
      if (prev?.kind === 'list' && prev.page === item.page) {
        prev.items.push(...items);
        prev.bbox = unionBox(prev.bbox, item.bbox);
      } else out.push({ kind: 'list', page: item.page, bbox: item.bbox, items });
      continue;
    }
    if (!captionKind(text) && isHeading(block, bodySize)) {
      const el = { kind: 'heading' as const, page: item.page, bbox: item.bbox, level: 2, text };
      pending.push({ el, size: block.size, bold: block.lines.every((l) => l.bold) });
      out.push(el);
      continue;
    }
    out.push({ kind: 'paragraph', page: item.page, bbox: item.bbox, text, size: block.size });
  }
  return { elements: out, headings: pending };
}

/** Stage: a paragraph cut by a column or page break is joined with the paragraph it continues. */
export function joinContinuations({ elements, headings }: Classified): Classified {
  const out: Element[] = [];
  for (const el of elements) {
    const at = el.kind === 'paragraph' ? interruptedParagraph(out) : -1;
    const prev = out[at];
    if (
      el.kind === 'paragraph' &&
      prev?.kind === 'paragraph' &&
      continuesParagraph(prev, el.bbox, el.page, el.text, el.size)
    ) {
      out[at] = { ...prev, text: joinLines([{ text: prev.text } as Line, { text: el.text } as Line]) };
      continue;
    }
    out.push(el);
  }
  return { elements: out, headings };
}

/**
 * The paragraph that text may go on from: the last element, or the last paragraph before the floats
 * (tables, figures and their captions) set between a paragraph's two parts, at a column's or page's
 * top. The floats stay after the whole paragraph.
 */
function interruptedParagraph(out: Element[]): number {
  for (let i = out.length - 1; i >= 0; i--) {
    const el = out[i];
    const float =
      el.kind === 'table' || el.kind === 'figure' || (el.kind === 'paragraph' && captionKind(el.text));
    if (!float) return el.kind === 'paragraph' ? i : -1;
  }
  return -1;
}

/** Stage: heading levels from sizes and numbering, list nesting from marker positions. */
export function settleLevels({ elements, headings }: Classified, bodySize: number): Element[] {
  assignLevels(headings, bodySize);
  nestLists(elements);
  return elements;
}

/** A bulleted list set right under its lead-in line shares its style: it starts a block of its own. */
function splitBeforeList(item: PageItem): PageItem[] {
  if (item.kind !== 'text') return [item];
  const lines = item.block.lines;
  // Numbered lines count only as a run of two or more: a wrapped sentence may start with "2. ".
  const marked = lines.map((l) => listMarker(l.text));
  const at = marked.findIndex(
    (m, i) => i > 0 && m && (!m.ordered || marked.slice(i + 1).some((n) => n?.ordered)),
  );
  if (at <= 0 || listMarker(lines[0].text)) return [item];
  return [lines.slice(0, at), lines.slice(at)].map((part) => {
    const block = toBlock(part);
    return { ...item, bbox: block.bbox, block };
  });
}

/** A paragraph cut by a column or page break goes on when the next block starts in lower case. */
function continuesParagraph(
  prev: Element & { kind: 'paragraph' },
  bbox: [number, number, number, number],
  page: number,
  text: string,
  size: number,
): boolean {
  if (/[.!?:;。)"”]$/.test(prev.text) || !/^\p{Ll}/u.test(text)) return false;
  if (Math.abs(prev.size - size) > 0.5) return false;
  const jumped = page !== prev.page || bbox[3] > prev.bbox[1] + 2;
  return jumped && !captionKind(prev.text);
}

function assignLevels(
  headings: { el: { level: number; text: string }; size: number; bold: boolean }[],
  body: number,
) {
  const sizes = [
    ...new Set(headings.filter((h) => h.size >= body * 1.12).map((h) => Math.round(h.size))),
  ].sort((a, b) => b - a);
  const largest = sizes[0];
  for (const h of headings) {
    const depth = numberingDepth(h.el.text);
    const rank = sizes.indexOf(Math.round(h.size));
    const bySize = rank < 0 ? sizes.length : rank;
    // Two levels below the title are enough to outline; finer levels mostly add noise.
    h.el.level = Math.min(3, 2 + (depth > 2 ? 1 : Math.min(bySize, 1)));
  }
  // One heading set clearly larger than every other is the document title.
  const top = headings.filter((h) => Math.round(h.size) === largest);
  const title = top.length === 1 && numberingDepth(top[0].el.text) === 0;
  if (title && headings.length > 1 && largest >= body * 1.4) top[0].el.level = 1;
}

function codeText(lines: Line[]): string {
  const left = Math.min(...lines.map((l) => l.bbox[0]));
  return lines
    .map((l) => {
      const charWidth = (l.bbox[2] - l.bbox[0]) / Math.max(1, l.text.length);
      const indent = Math.max(0, Math.round((l.bbox[0] - left) / Math.max(charWidth, 1)));
      return ' '.repeat(Math.min(indent, 40)) + l.text;
    })
    .join('\n');
}

function listItems(lines: Line[]): ListItem[] {
  const items: (ListItem & { x: number })[] = [];
  const parts: Line[][] = [];
  for (const line of lines) {
    const m = listMarker(line.text);
    if (m || !items.length) {
      items.push({
        level: 0,
        ordered: m?.ordered ?? false,
        marker: m?.marker ?? '-',
        text: '',
        x: line.rtl ? -line.bbox[2] : line.bbox[0],
      });
      parts.push([{ ...line, text: m ? m.rest : line.text }]);
    } else parts[parts.length - 1].push(line);
  }
  items.forEach((it, i) => (it.text = joinLines(parts[i])));
  return items.map((it) => ({ ...it, level: it.x }));
}

/** Turns marker x positions (stored in level) into nesting depths per list. */
function nestLists(elements: Element[]) {
  for (const el of elements) {
    if (el.kind !== 'list') continue;
    const xs: number[] = [];
    for (const it of el.items) if (!xs.some((x) => Math.abs(x - it.level) < 4)) xs.push(it.level);
    xs.sort((a, b) => a - b);
    for (const it of el.items)
      it.level = Math.max(
        0,
        xs.findIndex((x) => Math.abs(x - it.level) < 4),
      );
  }
}

/** Stage: moves figure captions onto the nearest figure; table captions stay in the text and are recorded. */
export function attachCaptions(elements: Element[]): Element[] {
  const removed = new Set<Element>();
  for (const el of elements) {
    if (el.kind !== 'paragraph') continue;
    const kind = captionKind(el.text);
    if (!kind) continue;
    const targets = elements.filter(
      (t): t is Element & { kind: 'figure' | 'table' } =>
        (t.kind === 'figure' || t.kind === 'table') && t.page === el.page && t.caption === null,
    );
    const preferred = targets.filter((t) => t.kind === kind);
    const pool = preferred.length ? preferred : targets;
    let best: (Element & { kind: 'figure' | 'table' }) | undefined;
    let bestGap = 80;
    for (const t of pool) {
      const gap = boxGap(t.bbox, el.bbox);
      if (gap < bestGap) {
        best = t;
        bestGap = gap;
      }
    }
    if (!best) continue;
    best.caption = el.text;
    if (best.kind === 'figure') removed.add(el);
  }
  return elements.filter((e) => !removed.has(e));
}

export { blockText };
