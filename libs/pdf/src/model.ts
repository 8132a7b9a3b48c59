import { BBox } from './types.js';

/** A piece of text as pdf.js reports it, in page space (points, origin bottom-left). */
export interface TextRun {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Baseline y. */
  base: number;
  size: number;
  bold: boolean;
  italic: boolean;
  mono: boolean;
  rtl: boolean;
  /** The marked-content id the run is drawn in (`p<ref>_mc<n>`), when the page is tagged. */
  mcid?: string;
  /** Drawn inside an /Artifact sequence: running headers, page numbers, decoration. */
  artifact?: boolean;
  /** Shown by an annotation (a form field's value, free text), not drawn by the page's content. */
  annotation?: boolean;
}

/** A raster image painted on the page. */
export interface PageImage {
  bbox: BBox;
  /** pdf.js object id of the decoded image, or null for inline images. */
  objId: string | null;
  /** Drawn unrotated and unmirrored, so its pixels can be placed by its box alone. */
  upright?: boolean;
  /** Index of the operator that paints it in the page's operator list. */
  op?: number;
  /**
   * A scan's frame with a figure's caption (ocr/captioned-frames.ts): a picture whatever text it
   * holds, as a screenshot's words are the picture's.
   */
  captioned?: boolean;
}

/** One subpath of a painted vector path. */
export interface PagePath {
  bbox: BBox;
  stroked: boolean;
  filled: boolean;
  /** Only straight segments (lines and rectangles): candidates for table rules. */
  straight: boolean;
}

export interface PageContent {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** Text set at a quarter turn (`toTextRuns(..., 'vertical')`): read only inside ruled tables. */
  verticalRuns?: TextRun[];
  images: PageImage[];
  paths: PagePath[];
  /**
   * Where each text-showing operator of the page's render operator list draws, when that list is the
   * one figure renders will use (see `extractPage`).
   */
  textBands?: Map<number, [number, number]>;
  /** Where each image-painting operator of that same list paints, for renders to skip the far ones. */
  imageBoxes?: Map<number, BBox[]>;
  /** The page's part of the document's structure tree (tagged PDFs), as pdf.js gives it. */
  structure?: StructNode;
}

/** A node of a page's structure tree: an element with its role, or a marked-content leaf. */
export type StructNode =
  | { role: string; children: StructNode[]; alt?: string; bbox?: number[] }
  | { type: 'content' | 'object' | 'annotation'; id: string };

/** Runs sharing a baseline and close together: one line of one column (or one table cell). */
export interface Line {
  runs: TextRun[];
  bbox: BBox;
  base: number;
  /** Dominant font size, weighted by characters. */
  size: number;
  text: string;
  bold: boolean;
  italic: boolean;
  mono: boolean;
  rtl: boolean;
}

/** Consecutive lines of one column with the same style: a paragraph, heading, list or code candidate. */
export interface TextBlock {
  lines: Line[];
  bbox: BBox;
  size: number;
}

/** A picture region found on a page, before captions and rendering. */
export interface FigureRegion {
  bbox: BBox;
  images: PageImage[];
  /** Number of vector subpaths inside: 0 for a plain raster picture. */
  vectors: number;
  /** How many of them are curved (plot lines, markers, rounded shapes). */
  curves: number;
  /** Drawn around a plot's axes (lines carrying tick marks): a chart, whatever rules it draws. */
  chart?: boolean;
}

export interface TableGrid {
  bbox: BBox;
  rows: string[][];
}

/** What page analysis yields, in reading order: the input of furniture removal and classification. */
export type PageItem =
  | { kind: 'text'; page: number; bbox: BBox; block: TextBlock }
  | { kind: 'figure'; page: number; bbox: BBox; figure: FigureRegion }
  | { kind: 'table'; page: number; bbox: BBox; table: TableGrid };

/** Letters and digits of a text: what weighs a font size, where a leader's dots or a row of dashes would not. */
export function wordCharCount(text: string): number {
  return text.replace(/[^\p{L}\p{N}]/gu, '').length;
}

/** The body font size: the size carrying most letters and digits (table text included). */
export function bodySizeOf(runs: TextRun[]): number {
  const weights = new Map<number, number>();
  for (const r of runs) {
    const key = Math.round(r.size * 2) / 2;
    weights.set(key, (weights.get(key) ?? 0) + wordCharCount(r.text));
  }
  let best = 10;
  let bestWeight = -1;
  for (const [size, w] of weights) {
    if (w > bestWeight) {
      best = size;
      bestWeight = w;
    }
  }
  return best;
}
