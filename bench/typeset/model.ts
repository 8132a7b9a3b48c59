/**
 * The document model: generated once per document, then written as the Markdown answer and rendered
 * to LaTeX, HTML or pandoc Markdown. Numbers (sections, tables, figures) are fixed here so every
 * renderer prints what the answer says.
 */
export interface Heading {
  kind: 'heading';
  /** 1 = section (chapter in a report), 2 = subsection, 3 = subsubsection. */
  level: 1 | 2 | 3;
  /** As printed ("2.1"), or null for an unnumbered heading. */
  number: string | null;
  text: string;
}

/** Text with footnote references (the footnote's number) between sentences. */
export type InlinePart = string | { footnote: number };

export interface Paragraph {
  kind: 'paragraph';
  parts: InlinePart[];
}

export interface ListItem {
  text: string;
  children: List | null;
}

export interface List {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
}

export type TableStyle = 'booktabs' | 'ruled' | 'unruled';

export interface HeaderGroup {
  label: string;
  span: number;
}

export interface Table {
  kind: 'table';
  /** "Table 3" or "Table 2.1". */
  label: string;
  caption: string;
  /** Column labels; the first is the row-label column. */
  columns: string[];
  /** Merged cells above columns[1..]: spans add up to columns.length - 1; the first column spans both rows. */
  groups: HeaderGroup[] | null;
  rows: string[][];
  style: TableStyle;
  /** Long enough to run over pages (LaTeX longtable). */
  long: boolean;
}

export interface CodeBlock {
  kind: 'code';
  language: 'python' | 'javascript' | 'c';
  lines: string[];
}

export interface Chart {
  type: 'bar' | 'line';
  categories: string[];
  series: { name: string; values: number[] }[];
  xLabel: string;
  yLabel: string;
}

export interface Image {
  /** PNG file name inside the document's work folder; null for a vector chart. */
  file: string | null;
  chart: Chart | null;
  /** Sub-figure caption as printed after its letter, e.g. "Baseline" for "(a) Baseline". */
  subcaption: string | null;
}

export interface Figure {
  kind: 'figure';
  label: string;
  caption: string;
  images: Image[];
}

export type Block = Heading | Paragraph | List | Table | CodeBlock | Figure;

export interface DocumentModel {
  title: string;
  authors: string;
  abstract: string | null;
  blocks: Block[];
  /** Footnote texts; footnote n is footnotes[n - 1]. */
  footnotes: string[];
}

/** The raster images a document needs, with the seed each is drawn from. */
export interface RasterSpec {
  file: string;
  seed: number;
}
