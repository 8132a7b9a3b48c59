import { Element } from './classify/elements.js';
import { dropFurniture } from './classify/furniture.js';
import { buildElements } from './classify/structure.js';
import { PdfConversionError } from './errors.js';
import { CanvasFactory, extractPage } from './extract/page.js';
import { PageContent, TextRun, bodySizeOf } from './model.js';
import { FigureRegion } from './figures/detect.js';
import { RenderHints, figurePng } from './figures/render.js';
import { renderMarkdown } from './markdown/render.js';
import { PageItem, analyzePage } from './page/analyze.js';
import { PdfDocument, PdfPage, openDocument, withPdfJsInflate } from './pdfjs.js';
import { Assets, ConversionResult, ConvertOptions, Figure, PageStage, SkippedPage } from './types.js';

/** Pages whose pictures may still be encoding while later pages are read. */
const PAGES_IN_FLIGHT = 3;

/** Converts PDF bytes to Markdown, figures and the assets object. */
export function convertPdf(data: Uint8Array, options: ConvertOptions = {}): Promise<ConversionResult> {
  return withPdfJsInflate(() => convertDocument(data, options));
}

async function convertDocument(data: Uint8Array, options: ConvertOptions): Promise<ConversionResult> {
  const doc = await openDocument(data, { maxImagePixels: options.maxImagePixels });
  const pending: Promise<void>[] = [];
  try {
    const pages = doc.numPages;
    if (pages === 0) throw new PdfConversionError('no_pages', 'The PDF has no pages');
    if (options.maxPages !== undefined && pages > options.maxPages) {
      throw new PdfConversionError(
        'too_many_pages',
        `The PDF has ${pages} pages; the limit is ${options.maxPages}`,
      );
    }
    const sizes: Assets['pages']['sizes'] = [];
    const skipped: SkippedPage[] = [];
    const toSkip = new Map((options.skipPages ?? []).map((entry) => [entry.page, entry]));
    const analyzed: { height: number; items: PageItem[] }[] = [];
    const pngs = new Map<FigureRegion, Uint8Array>();
    const allRuns: TextRun[] = [];
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
      const read = await readPage(doc, n, graphics, () => stage('text'));
      if (!read) {
        skipped.push({ page: n, reason: 'unreadable', message: `Page ${n} could not be read` });
        options.onProgress?.({ page: n, pages });
        continue;
      }
      const { page, content, items } = read;
      sizes.push({ page: n, width: content.width, height: content.height });
      const hints: RenderHints = { textBands: content.textBands, imageBoxes: content.imageBoxes };
      analyzed.push({ height: content.height, items });
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
    const bodySize = bodySizeOf(allRuns);
    const kept = dropFurniture(analyzed, bodySize).flat();
    const elements = buildElements(kept, bodySize).filter((e) => e.kind !== 'figure' || pngs.has(e.figure));
    return assemble(elements, pngs, { count: pages, sizes, skipped });
  } finally {
    await Promise.allSettled(pending);
    await doc.destroy();
  }
}

function assemble(
  elements: Element[],
  pngs: Map<FigureRegion, Uint8Array>,
  pages: Assets['pages'],
): ConversionResult {
  const figures: Figure[] = [];
  const fileOf = new Map<Element, string>();
  for (const el of elements) {
    if (el.kind !== 'figure') continue;
    const png = pngs.get(el.figure);
    if (!png) continue;
    const index = figures.length + 1;
    figures.push({ index, page: el.page, bbox: roundBox(el.bbox), title: el.caption, png });
    fileOf.set(el, `figures/picture-${index}.png`);
  }
  const markdown = renderMarkdown(elements, (el) => fileOf.get(el) ?? null);
  return {
    markdown,
    figures,
    assets: {
      figures: figures.map(({ index, page, bbox, title }) => ({ index, page, bbox, title })),
      pages,
      tables: elements.flatMap((e) =>
        e.kind === 'table' ? [{ page: e.page, bbox: roundBox(e.bbox), caption: e.caption }] : [],
      ),
      outline: elements.flatMap((e) =>
        e.kind === 'heading' ? [{ level: e.level, text: e.text, page: e.page }] : [],
      ),
    },
    pageCount: pages.count,
  };
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
): Promise<{ page: PdfPage; content: PageContent; items: PageItem[] } | null> {
  let page: PdfPage;
  try {
    page = await doc.getPage(n);
  } catch {
    return null;
  }
  for (const graphics of figures ? [true, false] : [false]) {
    try {
      const content = await extractPage(page, n, {
        graphics,
        canvasFactory: doc.canvasFactory as CanvasFactory,
        beforeText,
      });
      return { page, content, items: analyzePage(content, { figures: graphics }) };
    } catch {
      // Tried again without graphics, or given up below.
    }
  }
  page.cleanup();
  return null;
}

function roundBox(b: [number, number, number, number]): [number, number, number, number] {
  return b.map((v) => Math.round(v * 100) / 100) as [number, number, number, number];
}
