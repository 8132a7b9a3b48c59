import { codeBlock } from './code.js';
import type {
  Block,
  Chart,
  DocumentModel,
  Figure,
  HeaderGroup,
  Image,
  List,
  RasterSpec,
  Table,
  TableStyle,
} from './model.js';
import { Random } from './random.js';
import * as words from './words.js';

/** What a document may hold; each target family sets what its engine renders faithfully. */
export interface GenerateOptions {
  seed: number;
  /** Figure and table labels: "Figure 3" or, in a report, "Figure 2.1" by chapter. */
  numbering: 'flat' | 'chapter';
  /** Widest table the layout holds (columns). */
  maxColumns: number;
  abstract: boolean;
  tables: boolean;
  mergedHeaders: boolean;
  longTable: boolean;
  lists: boolean;
  code: boolean;
  figures: boolean;
  subfigures: boolean;
  charts: boolean;
  footnotes: boolean;
  /** Some headings without numbers; all numbered otherwise (or none when `numbered` is false). */
  unnumbered: boolean;
  numbered: boolean;
  tableStyle: TableStyle;
}

interface Counters {
  chapter: number;
  table: number;
  figure: number;
  image: number;
}

function paragraph(random: Random): Block {
  return { kind: 'paragraph', parts: [words.sentences(random, 2, 6).join(' ')] };
}

function list(random: Random, depth: number): List {
  const ordered = random.chance(0.4);
  const items = Array.from({ length: random.int(2, depth === 0 ? 5 : 3) }, () => ({
    text: random.chance(0.5) ? words.phrase(random, 2, 6) : words.sentence(random),
    children: null as List | null,
  }));
  if (depth < 2 && random.chance(depth === 0 ? 0.5 : 0.3)) {
    random.pick(items).children = list(random, depth + 1);
  }
  return { kind: 'list', ordered, items };
}

function cell(random: Random, column: number): string {
  if (column === 0) return words.phrase(random, 1, 3);
  switch (random.int(0, 3)) {
    case 0:
      return String(random.int(1, 999));
    case 1:
      return (random.next() * 100).toFixed(random.int(1, 2));
    case 2:
      return `${random.int(1, 99)}%`;
    default:
      return random.pick(words.SHORT_NOUNS);
  }
}

function label(kind: 'Table' | 'Figure', n: number, counters: Counters, options: GenerateOptions): string {
  return options.numbering === 'chapter' ? `${kind} ${counters.chapter}.${n}` : `${kind} ${n}`;
}

function table(random: Random, counters: Counters, options: GenerateOptions, long: boolean): Table {
  const width = random.int(2, options.maxColumns);
  const height = long ? random.int(45, 70) : random.int(2, 12);
  const used = new Set<string>();
  const columns = Array.from({ length: width }, () => words.columnLabel(random, used));
  let groups: HeaderGroup[] | null = null;
  if (options.mergedHeaders && width >= 3 && random.chance(0.5)) {
    groups = [];
    let left = width - 1;
    while (left > 0) {
      const span = Math.min(left, random.int(left >= 2 ? 2 : 1, 3));
      groups.push({ label: `${words.columnLabel(random, used)} group`, span });
      left -= span;
    }
  }
  const rows = Array.from({ length: height - 1 }, () => columns.map((_, c) => cell(random, c)));
  counters.table++;
  return {
    kind: 'table',
    label: label('Table', counters.table, counters, options),
    caption: `${words.phrase(random, 3, 8)}.`,
    columns,
    groups,
    rows,
    style: options.tableStyle,
    long,
  };
}

function chart(random: Random): Chart {
  const categories = Array.from(
    { length: random.int(3, 6) },
    (_, i) => `${String.fromCharCode(65 + i)}${random.int(1, 9)}`,
  );
  const series = Array.from({ length: random.int(1, 2) }, (_, s) => ({
    name: s === 0 ? 'Baseline' : 'Proposed',
    values: categories.map(() => random.int(5, 95)),
  }));
  return {
    type: random.chance(0.5) ? 'bar' : 'line',
    categories,
    series,
    xLabel: words.phrase(random, 1, 2),
    yLabel: words.phrase(random, 1, 2),
  };
}

function figure(random: Random, counters: Counters, options: GenerateOptions, rasters: RasterSpec[]): Figure {
  const count = options.subfigures && random.chance(0.35) ? 2 : 1;
  const images: Image[] = Array.from({ length: count }, () => {
    const subcaption = count > 1 ? words.phrase(random, 1, 3) : null;
    if (options.charts && random.chance(0.5)) return { file: null, chart: chart(random), subcaption };
    counters.image++;
    const file = `image-${counters.image}.png`;
    rasters.push({ file, seed: random.int(1, 2 ** 30) });
    return { file, chart: null, subcaption };
  });
  counters.figure++;
  return {
    kind: 'figure',
    label: label('Figure', counters.figure, counters, options),
    caption: `${words.phrase(random, 3, 9)}.`,
    images,
  };
}

/** One section's body: paragraphs with, here and there, one of the other blocks. */
function body(
  random: Random,
  counters: Counters,
  options: GenerateOptions,
  rasters: RasterSpec[],
  long: { left: boolean },
): Block[] {
  const blocks: Block[] = [paragraph(random)];
  const extras = random.int(0, 2);
  for (let i = 0; i < extras; i++) {
    const kinds: string[] = [];
    if (options.tables) kinds.push('table');
    if (options.lists) kinds.push('list', 'list');
    if (options.code) kinds.push('code');
    if (options.figures) kinds.push('figure');
    if (kinds.length === 0) break;
    const kind = random.pick(kinds);
    if (kind === 'table') {
      const isLong = long.left && random.chance(0.5);
      if (isLong) long.left = false;
      blocks.push(table(random, counters, options, isLong));
    } else if (kind === 'list') blocks.push(list(random, 0));
    else if (kind === 'code') blocks.push(codeBlock(random));
    else blocks.push(figure(random, counters, options, rasters));
    blocks.push(paragraph(random));
  }
  return blocks;
}

export interface GeneratedDocument {
  model: DocumentModel;
  rasters: RasterSpec[];
}

/** The model for one document, a pure function of the options (seed included). */
export function generateDocument(options: GenerateOptions): GeneratedDocument {
  const random = new Random(options.seed);
  const counters: Counters = { chapter: 0, table: 0, figure: 0, image: 0 };
  const rasters: RasterSpec[] = [];
  const blocks: Block[] = [];
  const names = new Set<string>();
  const long = { left: options.longTable };
  const sections = random.int(3, 6);
  for (let s = 1; s <= sections; s++) {
    // An unnumbered section takes its subsections along, as \section* does in LaTeX.
    const numbered = options.numbered && !(options.unnumbered && s > 1 && random.chance(0.25));
    if (numbered) counters.chapter++;
    if (numbered && options.numbering === 'chapter') counters.table = counters.figure = 0;
    const sectionNumber = numbered ? String(counters.chapter) : null;
    blocks.push({ kind: 'heading', level: 1, number: sectionNumber, text: words.sectionName(random, names) });
    blocks.push(...body(random, counters, options, rasters, long));
    const subsections = random.int(0, 3);
    for (let u = 1; u <= subsections; u++) {
      const subNumber = sectionNumber && `${sectionNumber}.${u}`;
      blocks.push({
        kind: 'heading',
        level: 2,
        number: subNumber,
        text: words.subsectionName(random, names),
      });
      blocks.push(...body(random, counters, options, rasters, long));
      const subsubsections = random.chance(0.3) ? random.int(1, 2) : 0;
      for (let v = 1; v <= subsubsections; v++) {
        const subsubNumber = subNumber && `${subNumber}.${v}`;
        blocks.push({
          kind: 'heading',
          level: 3,
          number: subsubNumber,
          text: words.subsectionName(random, names),
        });
        blocks.push(paragraph(random));
      }
    }
  }
  // Footnotes go on the closing paragraph, so every engine prints them after all the text.
  const footnotes: string[] = [];
  if (options.footnotes) {
    const closing = words.sentences(random, 2, 4);
    const count = random.int(1, 2);
    const parts: Block & { kind: 'paragraph' } = { kind: 'paragraph', parts: [] };
    closing.forEach((text, i) => {
      parts.parts.push(i === 0 ? text : ` ${text}`);
      if (i >= closing.length - count) {
        footnotes.push(words.sentence(random));
        parts.parts.push({ footnote: footnotes.length });
      }
    });
    blocks.push(parts);
  }
  const model: DocumentModel = {
    title: words.title(random),
    authors: words.authors(random),
    abstract: options.abstract ? words.sentences(random, 3, 5).join(' ') : null,
    blocks,
    footnotes,
  };
  return { model, rasters };
}
