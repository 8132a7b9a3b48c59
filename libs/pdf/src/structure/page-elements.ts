import { Element, ListItem } from '../classify/elements.js';
import { joinLines } from '../classify/text.js';
import { centreInside, intersectionArea, runBox, unionBox } from '../geometry.js';
import { buildBlocks } from '../layout/blocks.js';
import { Line, buildLines } from '../layout/lines.js';
import { listMarker } from '../layout/markers.js';
import { FigureRegion, StructNode, TextRun } from '../model.js';
import { BBox } from '../types.js';
import { INLINE_ROLES, PARAGRAPH_ROLES, TABLE_SECTIONS, headingLevel } from './roles.js';

export type StructElement = Extract<StructNode, { role: string }>;

export const isElement = (n: StructNode): n is StructElement => 'role' in n;

/** What one tagged page is built from. */
export interface TaggedSource {
  page: number;
  tree: StructNode;
  /** The page's runs, tagged or not (artifacts included: they are left out here). */
  runs: TextRun[];
  /** Pictures the geometry found on the page, in its reading order. */
  figures: { bbox: BBox; figure: FigureRegion }[];
  /**
   * Runs the geometry reads as running headers, footers and page numbers: left out when untagged (a
   * tagged run is content by the tree's word; tagged documents mark their furniture as artifacts).
   */
  furniture: Set<TextRun>;
}

/** Share of a leaf's characters inside a picture above which the leaf is the picture's labelling. */
const LABEL_SHARE = 0.6;

/**
 * One page's elements from its structure tree, in the tree's order: headings from H1..H6, paragraphs,
 * lists from L/LI/Lbl/LBody, tables from Table/TR/TH/TD, figures from Figure (their picture and PNG
 * come from the geometry, matched in order) with their Caption. Text the tree leaves out joins the
 * tagged line it sits on (a form value beside its label), or becomes paragraphs placed by position.
 */
export function pageElements(src: TaggedSource): TaggedElements {
  const builder = new PageBuilder(src);
  return { elements: builder.build(), spanning: builder.spanning, headingSizes: builder.headingSizes };
}

/** A page's elements, and the tables on it that have rows on other pages too. */
export interface TaggedElements {
  elements: Element[];
  spanning: Set<Element>;
  /** The font size of each heading. */
  headingSizes: Map<Element, number>;
}

class PageBuilder {
  private readonly out: Element[] = [];
  private readonly byId = new Map<string, TextRun[]>();
  private readonly unusedFigures: TaggedSource['figures'];
  private readonly leftover: TextRun[] = [];
  readonly spanning = new Set<Element>();
  private readonly itemX = new Map<ListItem, number>();
  readonly headingSizes = new Map<Element, number>();

  constructor(private readonly src: TaggedSource) {
    this.unusedFigures = [...src.figures];
    const ids = contentIds(src.tree);
    const tagged: TextRun[] = [];
    for (const run of src.runs) {
      if (run.artifact) continue;
      if (run.mcid && ids.has(run.mcid)) {
        tagged.push(run);
        const same = this.byId.get(run.mcid);
        if (same) same.push(run);
        else this.byId.set(run.mcid, [run]);
      } else if (!src.furniture.has(run)) this.leftover.push(run);
    }
    // Untagged text on a tagged line (a field's value after its label) reads as part of that line.
    for (const run of [...this.leftover]) {
      const host = tagged.find(
        (t) =>
          Math.abs(t.base - run.base) < 0.5 * Math.max(t.size, run.size) &&
          Math.min(Math.abs(run.x0 - t.x1), Math.abs(t.x0 - run.x1)) < 4 * Math.max(t.size, run.size),
      );
      if (!host?.mcid) continue;
      this.byId.get(host.mcid)!.push(run);
      this.leftover.splice(this.leftover.indexOf(run), 1);
    }
  }

  build(): Element[] {
    this.group(isElement(this.src.tree) ? this.src.tree.children : []);
    for (const f of this.unusedFigures) {
      this.place({ kind: 'figure', page: this.src.page, bbox: f.bbox, figure: f.figure, caption: null });
    }
    const lines = buildLines(this.leftover.filter((r) => !this.inFigure([r])));
    for (const block of buildBlocks(lines)) {
      const text = joinLines(block.lines);
      if (text)
        this.place({ kind: 'paragraph', page: this.src.page, bbox: block.bbox, text, size: block.size });
    }
    return mergeCode(this.out);
  }

  /** Block-level children in order; loose text and inline elements between them make paragraphs. */
  private group(children: StructNode[]): void {
    let loose: TextRun[] = [];
    const flush = () => {
      if (loose.length) this.paragraph(loose);
      loose = [];
    };
    for (const child of children) {
      if (
        isElement(child) &&
        (child.role === 'Code' || !INLINE_ROLES.has(child.role) || holdsBlocks(child))
      ) {
        flush();
        this.block(child);
      } else loose.push(...this.runsOf(child));
    }
    flush();
  }

  private block(node: StructElement): void {
    const level = headingLevel(node.role);
    if (level !== null) {
      const runs = this.runsOf(node);
      const text = textOf(runs);
      if (text) {
        const el: Element = { kind: 'heading', page: this.src.page, bbox: boxOf(runs), level, text };
        this.out.push(el);
        this.headingSizes.set(el, sizeOf(buildLines(runs)));
      }
    } else if (node.role === 'L') this.list(node);
    else if (node.role === 'Table') this.table(node);
    else if (node.role === 'Figure') this.figure(node);
    else if (node.role === 'Caption') this.caption(node);
    else if (node.role === 'Code') this.code(this.runsOf(node));
    else if (PARAGRAPH_ROLES.has(node.role) || (INLINE_ROLES.has(node.role) && !holdsBlocks(node)))
      this.paragraph(this.runsOf(node));
    else this.group(node.children);
  }

  private paragraph(runs: TextRun[]): void {
    if (!runs.length || this.inFigure(runs)) return;
    const lines = buildLines(runs);
    const text = joinLines(lines);
    if (!text) return;
    if (lines.every((l) => l.mono)) return this.code(runs);
    this.out.push({ kind: 'paragraph', page: this.src.page, bbox: boxOf(runs), text, size: sizeOf(lines) });
  }

  private code(runs: TextRun[]): void {
    if (!runs.length) return;
    const text = codeText(buildLines(runs));
    if (text.trim()) this.out.push({ kind: 'code', page: this.src.page, bbox: boxOf(runs), text });
  }

  private list(node: StructElement): void {
    const items: ListItem[] = [];
    const runs: TextRun[] = [];
    const walk = (list: StructElement, level: number) => {
      for (const child of list.children) {
        if (!isElement(child)) continue;
        if (child.role === 'L') walk(child, level + 1);
        else {
          const nested: StructElement[] = [];
          const label: TextRun[] = [];
          const body: TextRun[] = [];
          const sort = (n: StructNode, inLabel: boolean) => {
            if (isElement(n) && n.role === 'L') return void nested.push(n);
            if (isElement(n)) return n.children.forEach((c) => sort(c, inLabel || n.role === 'Lbl'));
            (inLabel ? label : body).push(...this.runsOf(n));
          };
          sort(child, child.role === 'Lbl');
          runs.push(...label, ...body);
          const item = listItem(textOf(label), textOf(body), level);
          if (item) {
            items.push(item);
            this.itemX.set(item, startOf([...label, ...body]));
          }
          nested.forEach((n) => walk(n, level + 1));
        }
      }
    };
    walk(node, 0);
    if (!items.length) return;
    const prev = this.out[this.out.length - 1];
    // Word processors tag each level of a nested list as a list of its own, one after the other.
    if (prev?.kind === 'list') {
      prev.items.push(...items);
      prev.bbox = unionBox(prev.bbox, boxOf(runs));
      this.nest(prev.items);
    } else {
      this.out.push({ kind: 'list', page: this.src.page, bbox: boxOf(runs), items });
      this.nest(items);
    }
  }

  /** Nesting from where the items start on the page (as untagged lists are nested), else the tree's. */
  private nest(items: ListItem[]): void {
    const xs: number[] = [];
    for (const it of items) {
      const x = this.itemX.get(it)!;
      if (!xs.some((v) => Math.abs(v - x) < 4)) xs.push(x);
    }
    xs.sort((a, b) => a - b);
    if (xs.length < 2) return;
    for (const it of items) {
      const x = this.itemX.get(it)!;
      it.level = xs.findIndex((v) => Math.abs(v - x) < 4);
    }
  }

  private table(node: StructElement): void {
    const rows: TextRun[][][] = [];
    const runs: TextRun[] = [];
    let caption: string | null = null;
    const walk = (n: StructElement) => {
      for (const child of n.children) {
        if (!isElement(child)) continue;
        if (child.role === 'TR') {
          // Cells are the row's TH and TD; other content a row holds (its painted background) is not one.
          const cells = child.children
            .filter((cell) => isElement(cell) && (cell.role === 'TH' || cell.role === 'TD'))
            .map((cell) => this.runsOf(cell));
          runs.push(...cells.flat());
          // A table's rows on other pages are in this page's tree too, with no content here.
          if (cells.some((c) => c.length)) rows.push(cells);
          else spans = true;
        } else if (TABLE_SECTIONS.has(child.role)) walk(child);
        else if (child.role === 'Caption') caption = textOf(this.runsOf(child)) || null;
      }
    };
    let spans = false;
    walk(node);
    if (!rows.length) return spans ? undefined : this.group(node.children);
    if (caption)
      this.out.push({ kind: 'paragraph', page: this.src.page, bbox: boxOf(runs), text: caption, size: 0 });
    const grid = withoutEmptyColumns(spannedRows(rows).map((row) => row.map(textOf)));
    const table: Element = { kind: 'table', page: this.src.page, bbox: boxOf(runs), rows: grid, caption };
    this.out.push(table);
    if (spans) this.spanning.add(table);
  }

  private figure(node: StructElement): void {
    const captions = node.children.filter((c): c is StructElement => isElement(c) && c.role === 'Caption');
    const caption = captions.map((c) => textOf(this.runsOf(c))).join(' ') || null;
    const runs = this.runsOf(node);
    const at = this.matchFigure(node, runs);
    const found = at >= 0 ? this.unusedFigures.splice(at, 1)[0] : undefined;
    if (found) {
      this.out.push({ kind: 'figure', page: this.src.page, bbox: found.bbox, figure: found.figure, caption });
    } else if (caption) this.paragraph(captions.flatMap((c) => this.runsOf(c)));
  }

  /**
   * The picture the geometry found for a Figure tag: the one its BBox attribute overlaps most, else
   * the one holding its text, else the next in reading order.
   */
  private matchFigure(node: StructElement, runs: TextRun[]): number {
    const pictures = this.unusedFigures;
    if (node.bbox?.length === 4) {
      const overlaps = pictures.map((f) => intersectionArea(f.bbox, node.bbox as BBox));
      const best = Math.max(0, ...overlaps);
      if (best > 0) return overlaps.indexOf(best);
    }
    const holding = pictures.findIndex((f) => runs.some((r) => centreInside(r, f.bbox)));
    return holding >= 0 ? holding : pictures.length ? 0 : -1;
  }

  /** A caption set apart from its figure or table is given to the one just before it, when it has none. */
  private caption(node: StructElement): void {
    const runs = this.runsOf(node);
    const prev = this.out[this.out.length - 1];
    if (prev?.kind === 'figure' && prev.caption === null) {
      prev.caption = textOf(runs) || null;
      return;
    }
    if (prev?.kind === 'table' && prev.caption === null) prev.caption = textOf(runs) || null;
    this.paragraph(runs);
  }

  private runsOf(node: StructNode): TextRun[] {
    if (!isElement(node)) return node.type === 'content' ? (this.byId.get(node.id) ?? []) : [];
    return node.children.flatMap((c) => this.runsOf(c));
  }

  /** Whether most of the text lies inside a picture the geometry found (its axis labels, legend). */
  private inFigure(runs: TextRun[]): boolean {
    const chars = runs.reduce((n, r) => n + r.text.length, 0);
    const inside = runs
      .filter((r) => this.src.figures.some((f) => centreInside(r, f.bbox)))
      .reduce((n, r) => n + r.text.length, 0);
    return chars > 0 && inside > LABEL_SHARE * chars;
  }

  /** Puts an element the tree does not order before the first one below it in its column. */
  private place(el: Element): void {
    const at = this.out.findIndex(
      (o) => o.bbox[3] < el.bbox[3] && o.bbox[0] < el.bbox[2] && el.bbox[0] < o.bbox[2],
    );
    this.out.splice(at < 0 ? this.out.length : at, 0, el);
  }
}

/**
 * Rows with fewer cells than the table has columns hold cells that span columns or rows (pdf.js does
 * not give their ColSpan and RowSpan): each cell is set in the column its text starts in, found from
 * the full rows, and a spanning cell's text is repeated in every column and row it covers, so later
 * cells keep their own columns.
 */
/** Columns no row has text in carry nothing (a tagged cell drawn empty for spacing). */
function withoutEmptyColumns(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  const used = Array.from({ length: width }, (_, c) => rows.some((r) => (r[c] ?? '').trim()));
  return rows.map((r) => r.filter((_, c) => used[c]));
}

export function spannedRows(rows: TextRun[][][]): TextRun[][][] {
  const width = Math.max(...rows.map((r) => r.length));
  const full = rows.filter((r) => r.length === width);
  const starts = Array.from({ length: width }, (_, j) =>
    Math.min(...full.flatMap((r) => r[j].map((run) => run.x0))),
  );
  if (!starts.every(Number.isFinite)) return rows;
  const out: TextRun[][][] = [];
  for (const row of rows) {
    if (row.length === width || row.some((cell) => !cell.length)) {
      out.push(row);
      continue;
    }
    const placed: (TextRun[] | null)[] = Array.from({ length: width }, () => null);
    let next = 0;
    row.forEach((cell, k) => {
      const x = Math.min(...cell.map((r) => r.x0));
      let col = next;
      while (col + 1 < width - (row.length - 1 - k) && starts[col + 1] <= x + 2) col++;
      placed[col] = cell;
      next = col + 1;
    });
    // A gap after a cell is that cell spanning columns; one at the row's start, a cell above spanning rows.
    const above = out[out.length - 1];
    out.push(placed.map((cell, j) => cell ?? (j === 0 ? (above?.[0] ?? []) : [])));
    const filled = out[out.length - 1];
    for (let j = 1; j < width; j++) if (!placed[j]) filled[j] = filled[j - 1];
  }
  return out;
}

/** Every marked-content id the tree refers to. */
export function contentIds(node: StructNode, ids = new Set<string>()): Set<string> {
  if (isElement(node)) node.children.forEach((c) => contentIds(c, ids));
  else if (node.type === 'content') ids.add(node.id);
  return ids;
}

/** Whether an inline-role element wraps block-level elements (NonStruct and Span used as divisions). */
function holdsBlocks(node: StructElement): boolean {
  return node.children.some(
    (c) => isElement(c) && (!INLINE_ROLES.has(c.role) || (c.role !== 'Code' && holdsBlocks(c))),
  );
}

function listItem(label: string, body: string, level: number): ListItem | null {
  const marked = listMarker(label ? `${label} ${body}` : body);
  if (!body && !label) return null;
  if (marked) return { level, ordered: marked.ordered, marker: marked.marker, text: marked.rest };
  return { level, ordered: false, marker: label || '-', text: label ? body : body };
}

/** Where an item's first line starts. */
function startOf(runs: TextRun[]): number {
  if (!runs.length) return 0;
  const top = Math.max(...runs.map((r) => r.base));
  return Math.min(...runs.filter((r) => top - r.base < 0.5 * r.size).map((r) => r.x0));
}

function textOf(runs: TextRun[]): string {
  return runs.length ? joinLines(buildLines(runs)).trim() : '';
}

function sizeOf(lines: Line[]): number {
  const weights = new Map<number, number>();
  for (const l of lines) weights.set(l.size, (weights.get(l.size) ?? 0) + l.text.length);
  return [...weights.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

function boxOf(runs: TextRun[]): BBox {
  return runs.map(runBox).reduce(unionBox, runBox(runs[0] ?? { x0: 0, y0: 0, x1: 0, y1: 0 }));
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

/** Code tagged one line to a paragraph (a word processor's preformatted style) is one listing. */
function mergeCode(elements: Element[]): Element[] {
  const out: Element[] = [];
  for (const el of elements) {
    const prev = out[out.length - 1];
    if (el.kind === 'code' && prev?.kind === 'code') {
      out[out.length - 1] = { ...prev, text: `${prev.text}\n${el.text}`, bbox: unionBox(prev.bbox, el.bbox) };
    } else out.push(el);
  }
  return out;
}
