import { Line, PageItem, TextBlock } from '../model.js';
import { BBox } from '../types.js';
import { boxGap, unionBox } from '../geometry.js';
import { toBlock } from '../layout/blocks.js';
import { listMarker } from '../layout/markers.js';
import { captionKind } from './captions.js';
import { codeText, continuesCode, isCodeBlock } from './code.js';
import { Element, ListItem } from './elements.js';
import { CHAPTER_LABEL, headingLevels, isHeading, numberingDepth } from './headings.js';
import { blockText, joinLines } from './text.js';

/** A caption lies within this distance (points) of its figure or table. */
const MAX_CAPTION_GAP = 80;

/** A heading found by classification, with what its level is decided from once all are known. */
export interface HeadingCandidate {
  el: Element & { kind: 'heading' };
  size: number;
  bold: boolean;
  italic: boolean;
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
  const codeLines = new Map<Element, Line[]>();
  const flow = items.flatMap(splitBeforeList);
  const startsList = (i: number) => {
    const it = flow[i];
    return it?.kind === 'text' && listMarker(it.block.lines[0].text) !== null;
  };
  const cells = headerCells(flow, bodySize);
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
    if (isCodeBlock(block.lines) && !captionKind(text)) {
      const prev = out[out.length - 1];
      const before = prev && codeLines.get(prev);
      if (prev?.kind === 'code' && before && prev.page === item.page && continuesCode(before, block.lines)) {
        // A blank line inside a listing parts its blocks: the listing goes on.
        const lines = [...before, ...block.lines];
        codeLines.set(prev, lines);
        prev.text = codeText(lines);
        prev.bbox = unionBox(prev.bbox, item.bbox);
        continue;
      }
      const el = { kind: 'code' as const, page: item.page, bbox: item.bbox, text: codeText(block.lines) };
      codeLines.set(el, block.lines);
      out.push(el);
      continue;
    }
    // A lone numbered line set larger than the body or in bold ("(2) Scope"), with no list around
    // it, is a subsection title.
    const marker = listMarker(block.lines[0].text);
    const numberedTitle =
      marker?.ordered === true &&
      block.lines.length === 1 &&
      (block.size >= bodySize * 1.05 || (block.lines[0].bold && block.size >= bodySize * 0.9)) &&
      text.length < 100 &&
      !/[.,;:]$/.test(text) &&
      !startsList(index - 1) &&
      !startsList(index + 1);
    if (numberedTitle) {
      addHeading(out, pending, item.page, item.bbox, text, block);
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
    if (!captionKind(text) && !cells.has(item) && isHeading(block, bodySize)) {
      addHeading(out, pending, item.page, item.bbox, text, block);
      continue;
    }
    out.push({ kind: 'paragraph', page: item.page, bbox: item.bbox, text, size: block.size });
  }
  return { elements: out, headings: pending };
}

/**
 * Records a heading. A chapter's label line ("Chapter 2") and the title set right under it are one
 * heading, numbered by the label.
 */
function addHeading(
  out: Element[],
  pending: HeadingCandidate[],
  page: number,
  bbox: BBox,
  text: string,
  block: TextBlock,
) {
  const style = {
    size: block.size,
    bold: block.lines.every((l) => l.bold),
    italic: block.lines.every((l) => l.italic),
  };
  const prev = pending[pending.length - 1];
  if (
    prev &&
    out[out.length - 1] === prev.el &&
    prev.el.page === page &&
    CHAPTER_LABEL.test(prev.el.text) &&
    prev.el.bbox[1] - bbox[3] < 3 * Math.max(prev.size, block.size)
  ) {
    // Its number leads the title as a section's number does ("Chapter 2" over "Design": "2 Design").
    prev.el.text = `${prev.el.text.replace(/^\S+\s+/, '')} ${text}`;
    prev.el.bbox = unionBox(prev.el.bbox, bbox);
    Object.assign(prev, style, { size: Math.max(prev.size, block.size) });
    return;
  }
  const el = { kind: 'heading' as const, page, bbox, level: 2, text };
  pending.push({ el, ...style });
  out.push(el);
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
export function settleLevels({ elements, headings }: Classified): Element[] {
  assignLevels(headings);
  nestLists(elements);
  const size = new Map(headings.map((h) => [h.el, h.size]));
  return elements.map((el) =>
    el.kind === 'heading' && el.level === 0
      ? { kind: 'paragraph', page: el.page, bbox: el.bbox, text: el.text, size: size.get(el) ?? 0 }
      : el,
  );
}

/**
 * Heading-like lines that share their baseline with another such line on the page: the header
 * cells of a table whose grid was not found. A heading has its line to itself.
 */
function headerCells(flow: PageItem[], bodySize: number): Set<PageItem> {
  // Numbered headings are headings, even side by side in two columns.
  const lone = flow.filter(
    (item): item is PageItem & { kind: 'text' } =>
      item.kind === 'text' &&
      item.block.lines.length === 1 &&
      numberingDepth(item.block.lines[0].text) === 0 &&
      isHeading(item.block, bodySize),
  );
  const beside = (a: PageItem & { kind: 'text' }, b: PageItem & { kind: 'text' }) => {
    const [la, lb] = [a.block.lines[0], b.block.lines[0]];
    return a.page === b.page && Math.abs(la.base - lb.base) < 0.3 * Math.min(la.size, lb.size);
  };
  return new Set(lone.filter((a) => lone.some((b) => b !== a && beside(a, b))));
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

function assignLevels(headings: HeadingCandidate[]) {
  const levels = headingLevels(headings.map((h) => ({ ...h, text: h.el.text, page: h.el.page })));
  headings.forEach((h, i) => (h.el.level = levels[i]));
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

/**
 * Stage: moves figure captions onto the nearest figure; table captions stay in the text and are
 * recorded. The closest caption and target pair first: a figure takes the caption set against it, not
 * a caption-like line ("Example 3-10 ...") that comes before it in reading order.
 */
export function attachCaptions(elements: Element[]): Element[] {
  const removed = new Set<Element>();
  const captions = elements.flatMap((el) => {
    const kind = el.kind === 'paragraph' ? captionKind(el.text) : null;
    return kind ? [{ el: el as Element & { kind: 'paragraph' }, kind }] : [];
  });
  for (;;) {
    let best:
      | { caption: (typeof captions)[number]; target: Element & { kind: 'figure' | 'table' }; gap: number }
      | undefined;
    for (const caption of captions) {
      const targets = elements.filter(
        (t): t is Element & { kind: 'figure' | 'table' } =>
          (t.kind === 'figure' || t.kind === 'table') && t.page === caption.el.page && t.caption === null,
      );
      const preferred = targets.filter((t) => t.kind === caption.kind);
      for (const target of preferred.length ? preferred : targets) {
        const gap = boxGap(target.bbox, caption.el.bbox);
        if (gap < (best?.gap ?? MAX_CAPTION_GAP)) best = { caption, target, gap };
      }
    }
    if (!best) break;
    best.target.caption = best.caption.el.text;
    if (best.target.kind === 'figure') removed.add(best.caption.el);
    captions.splice(captions.indexOf(best.caption), 1);
  }
  return elements.filter((e) => !removed.has(e));
}

export { blockText };
