import type { GenerateOptions } from './generate.js';
import type { HtmlStyle, HtmlStylesheet } from './html.js';
import type { LatexFont, LatexLayout, LatexStyle } from './latex.js';
import type { TableStyle } from './model.js';
import { Random } from './random.js';

export type Family = 'latex' | 'chromium' | 'libreoffice';

interface PlannedBase {
  name: string;
  /** Class or stylesheet or source format, as listed in the manifest. */
  layout: string;
  font: string;
  /** How its tables are drawn: rules (booktabs), every cell ruled, no rules, zebra rows, word-processor default. */
  tableStyle: string;
  options: GenerateOptions;
}

export type PlannedDocument =
  | (PlannedBase & { family: 'latex'; style: LatexStyle })
  | (PlannedBase & { family: 'chromium'; style: HtmlStyle })
  | (PlannedBase & { family: 'libreoffice'; format: 'docx' | 'odt' });

export interface PlanCounts {
  latex: number;
  chromium: number;
  libreoffice: number;
}

export const DEFAULT_COUNTS: PlanCounts = { latex: 50, chromium: 40, libreoffice: 30 };

const TABLE_STYLES: TableStyle[] = ['booktabs', 'ruled', 'unruled'];
const LATEX_LAYOUTS: LatexLayout[] = ['article', 'conference', 'article', 'report'];
const LATEX_FONTS: LatexFont[] = ['times', 'palatino', 'lmodern', 'helvetica'];
const STYLESHEETS: HtmlStylesheet[] = [
  'serif-columns',
  'sans-zebra',
  'report-band',
  'narrow-serif',
  'browser-default',
];
const HTML_TABLES: Record<HtmlStylesheet, string> = {
  'serif-columns': 'booktabs',
  'sans-zebra': 'zebra',
  'report-band': 'ruled',
  'narrow-serif': 'unruled',
  'browser-default': 'unruled',
};
const HTML_FONTS: Record<HtmlStylesheet, string> = {
  'serif-columns': 'Liberation Serif',
  'sans-zebra': 'Liberation Sans',
  'report-band': 'DejaVu Sans',
  'narrow-serif': 'DejaVu Serif',
  'browser-default': 'browser default',
};

const pad = (n: number) => String(n).padStart(3, '0');

function baseOptions(random: Random): GenerateOptions {
  return {
    seed: random.int(1, 2 ** 30),
    numbering: 'flat',
    maxColumns: 8,
    abstract: random.chance(0.5),
    tables: random.chance(0.75),
    mergedHeaders: random.chance(0.4),
    longTable: false,
    lists: random.chance(0.7),
    code: random.chance(0.45),
    figures: random.chance(0.65),
    subfigures: random.chance(0.35),
    charts: random.chance(0.5),
    footnotes: random.chance(0.35),
    unnumbered: random.chance(0.3),
    numbered: random.chance(0.85),
    tableStyle: random.pick(TABLE_STYLES),
  };
}

/** Every document of the corpus with its layout and what it holds, a pure function of the counts. */
export function planCorpus(counts: PlanCounts = DEFAULT_COUNTS, seed = 20261202): PlannedDocument[] {
  const random = new Random(seed);
  const docs: PlannedDocument[] = [];
  for (let i = 0; i < counts.latex; i++) {
    const layout = LATEX_LAYOUTS[i % LATEX_LAYOUTS.length];
    const font = LATEX_FONTS[Math.floor(i / LATEX_LAYOUTS.length) % LATEX_FONTS.length];
    const options = baseOptions(random);
    options.numbering = layout === 'report' ? 'chapter' : 'flat';
    options.numbered = layout === 'report' || options.numbered;
    options.maxColumns = layout === 'conference' ? 4 : 8;
    options.longTable = layout !== 'conference' && options.tables && random.chance(0.25);
    const style: LatexStyle = {
      layout,
      font,
      runningHeader: random.chance(0.5),
      listings: random.chance(0.7),
    };
    const name = `latex-${layout}-${pad(i + 1)}`;
    docs.push({ family: 'latex', name, layout, font, tableStyle: options.tableStyle, options, style });
  }
  for (let i = 0; i < counts.chromium; i++) {
    const stylesheet = STYLESHEETS[i % STYLESHEETS.length];
    const options = baseOptions(random);
    options.maxColumns = stylesheet === 'serif-columns' ? 4 : stylesheet === 'narrow-serif' ? 5 : 8;
    options.longTable = stylesheet !== 'serif-columns' && options.tables && random.chance(0.15);
    const style: HtmlStyle = { stylesheet, dataUris: random.chance(0.5) };
    const name = `chromium-${stylesheet}-${pad(i + 1)}`;
    const font = HTML_FONTS[stylesheet];
    docs.push({
      family: 'chromium',
      name,
      layout: stylesheet,
      font,
      tableStyle: HTML_TABLES[stylesheet],
      options,
      style,
    });
  }
  for (let i = 0; i < counts.libreoffice; i++) {
    const format = i % 2 === 0 ? 'docx' : 'odt';
    const options = baseOptions(random);
    // pandoc's Markdown has no merged cells, and word processors carry no vector charts from it.
    options.mergedHeaders = false;
    options.charts = false;
    options.maxColumns = 5;
    options.longTable = options.tables && random.chance(0.15);
    const font = `pandoc ${format} default styles`;
    docs.push({
      family: 'libreoffice',
      tableStyle: 'word-processor',
      name: `libreoffice-${format}-${pad(i + 1)}`,
      layout: format,
      font,
      options,
      format,
    });
  }
  return docs;
}
