import { PdfConversionError } from './errors.js';
import { CanvasFactory, extractPage } from './extract/page.js';
import { FigureRegion } from './figures/detect.js';
import { RenderHints, figurePng } from './figures/render.js';
import { PageContent, PageItem, StructNode, TextRun } from './model.js';
import { DEFAULT_OCR, OcrPage } from './ocr/options.js';
import { recognisePage } from './ocr/recognise-page.js';
import { PdfDocument, PdfPage } from './pdfjs.js';
import { Assets, ConvertOptions, PageStage, SkippedPage } from './types.js';

/** Pages whose pictures may still be encoding while later pages are read. */
const PAGES_IN_FLIGHT = 3;

/** One analysed page: what the per-document stages read. */
export interface AnalyzedPage {
  page: number;
  height: number;
  items: PageItem[];
  /** The page's structure tree and every run it was read from, when the document is tagged. */
  tagged?: { tree: StructNode; runs: TextRun[] };
}

/** Every page read and analysed, in page order, with the PNG of each figure that could be drawn. */
export interface ReadDocument {
  count: number;
  pages: AnalyzedPage[];
  sizes: Assets['pages']['sizes'];
  skipped: SkippedPage[];
  /** Pages whose text was recognised (the OCR stage). */
  ocr: OcrPage[];
  /** Every run of every page read, in page order (for the body font size). */
  runs: TextRun[];
  pngs: Map<FigureRegion, Uint8Array>;
}

/** The per-page stages: a page's content to its items in reading order. */
export type AnalyzePage = (content: PageContent, options: { figures: boolean }) => PageItem[];

/** The OCR stage on one extracted page: its content, with recognised text where it had none. */
type Recognise = (page: PdfPage, content: PageContent) => Promise<PageContent>;

/** Refuses documents with no pages or more than `maxPages`. */
export function checkPageCount(pages: number, options: ConvertOptions): void {
  if (pages === 0) throw new PdfConversionError('no_pages', 'The PDF has no pages');
  if (options.maxPages !== undefined && pages > options.maxPages) {
    throw new PdfConversionError(
      'too_many_pages',
      `The PDF has ${pages} pages; the limit is ${options.maxPages}`,
    );
  }
}

/**
 * Runs the per-page stages on every page in turn (extract, then `analyze`), leaving out the pages the
 * sandbox skips and those pdf.js cannot read, reading text-only pages without their drawing, and telling
 * the stage hooks and progress. A page's pictures are encoded while the next pages are read.
 */
export async function readPages(
  doc: PdfDocument,
  options: ConvertOptions,
  analyze: AnalyzePage,
): Promise<ReadDocument> {
  const pending: Promise<void>[] = [];
  try {
    const pages = doc.numPages;
    const sizes: Assets['pages']['sizes'] = [];
    const skipped: SkippedPage[] = [];
    const toSkip = new Map((options.skipPages ?? []).map((entry) => [entry.page, entry]));
    const analyzed: AnalyzedPage[] = [];
    const pngs = new Map<FigureRegion, Uint8Array>();
    const allRuns: TextRun[] = [];
    const ocr: OcrPage[] = [];
    for (let n = 1; n <= pages; n++) {
      const skip = toSkip.get(n);
      if (skip) {
        skipped.push(skip);
        options.onProgress?.({ page: n, pages });
        continue;
      }
      const graphics = !options.skipFigures && !options.textOnlyPages?.includes(n);
      const stage = (name: PageStage['stage']) => options.onPageStage?.({ page: n, pages, stage: name });
      await stage(graphics ? 'graphics' : 'text');
      // A recogniser that fails on a page leaves the page as extracted; the rest still converts.
      const recognise: Recognise = async (page, content) => {
        const recognised = await recognisePage(doc, page, content, options.ocr ?? DEFAULT_OCR, {
          maxImagePixels: options.maxImagePixels,
          beforeOcr: () => stage('ocr'),
        }).catch(() => null);
        if (recognised) ocr.push(recognised.ocr);
        return recognised?.content ?? content;
      };
      const read = await readPage(doc, n, graphics, () => stage('text'), analyze, recognise);
      if (!read) {
        skipped.push({ page: n, reason: 'unreadable', message: `Page ${n} could not be read` });
        options.onProgress?.({ page: n, pages });
        continue;
      }
      const { page, content, items } = read;
      sizes.push({ page: n, width: content.width, height: content.height });
      const hints: RenderHints = { textBands: content.textBands, imageBoxes: content.imageBoxes };
      const tagged = content.structure && { tree: content.structure, runs: content.runs };
      analyzed.push({ page: n, height: content.height, items, tagged });
      allRuns.push(...content.runs);
      const figures = items.flatMap((item) => (item.kind === 'figure' ? [item.figure] : []));
      if (figures.length) {
        // A page's pictures are encoded while the next pages are read; the page is let go after them.
        const current = page;
        const done = (async () => {
          for (const figure of figures) {
            const png = await figurePng(doc, current, figure, options.maxImagePixels, hints);
            if (png) pngs.set(figure, png);
          }
        })().finally(() => current.cleanup());
        pending.push(done);
        if (pending.length >= PAGES_IN_FLIGHT) await pending.shift();
      } else {
        page.cleanup();
      }
      options.onProgress?.({ page: n, pages });
    }
    if (sizes.length === 0) {
      throw new PdfConversionError('unreadable_content', 'No page of the PDF could be read');
    }
    await Promise.all(pending);
    return { count: pages, pages: analyzed, sizes, skipped, ocr, runs: allRuns, pngs };
  } finally {
    await Promise.allSettled(pending);
  }
}

/**
 * Reads one page: its content and layout items. When pdf.js throws on the page's drawing, its text is
 * read alone; null when even that fails (the page is left out, the rest of the document converts).
 */
async function readPage(
  doc: PdfDocument,
  n: number,
  figures: boolean,
  beforeText: () => unknown,
  analyze: AnalyzePage,
  recognise: Recognise,
): Promise<{ page: PdfPage; content: PageContent; items: PageItem[] } | null> {
  let page: PdfPage;
  try {
    page = await doc.getPage(n);
  } catch {
    return null;
  }
  for (const graphics of figures ? [true, false] : [false]) {
    try {
      const extracted = await extractPage(page, n, {
        graphics,
        canvasFactory: doc.canvasFactory as CanvasFactory,
        beforeText,
      });
      const content = await recognise(page, extracted);
      return { page, content, items: analyze(content, { figures: graphics }) };
    } catch {
      // Tried again without graphics, or given up below.
    }
  }
  page.cleanup();
  return null;
}
