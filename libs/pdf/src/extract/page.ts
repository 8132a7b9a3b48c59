import { BBox } from '../types.js';
import { PageContent, PageImage } from '../model.js';
import { PdfPage, loadPdfJs } from '../pdfjs.js';
import { OperatorList, collectGraphics } from './graphics.js';
import { textBands } from './text-ops.js';
import { Matrix } from './matrix.js';
import { FontInfo, toTextRuns } from './text.js';
import { annotationRuns } from './annotations.js';
import { markContent, pageStructure } from '../structure/marked.js';

/**
 * One pdf.js pass over a page: the operator list (graphics, fonts) then the text. Without
 * `graphics` the operator list is never built: the text-only path for pages whose drawing
 * exhausts pdf.js (bold and ruled tables are then unknown).
 */
export async function extractPage(
  page: PdfPage,
  pageNumber: number,
  {
    graphics: withGraphics = true,
    canvasFactory,
    beforeText,
  }: { graphics?: boolean; canvasFactory?: CanvasFactory; beforeText?: () => unknown } = {},
): Promise<PageContent> {
  const { OPS } = await loadPdfJs();
  // Page space as displayed: rotation applied, origin at the bottom-left corner of the visible box.
  const viewport = page.getViewport({ scale: 1 });
  const v = viewport.transform;
  const toPage: Matrix = [v[0], -v[1], v[2], -v[3], v[4], viewport.height - v[5]];
  const display = withGraphics && canvasFactory ? await displayOperatorList(page, canvasFactory) : null;
  const graphics = withGraphics
    ? collectGraphics(display ?? (await page.getOperatorList()), OPS, toPage)
    : { images: [], paths: [] };
  await beforeText?.();
  // Marked content brackets the text of tagged pages with the ids their structure tree refers to.
  const content = await page.getTextContent({ includeMarkedContent: true });
  const fontOf = (fontName: string): FontInfo => {
    const family = content.styles[fontName]?.fontFamily ?? '';
    try {
      if (!page.commonObjs.has(fontName)) return { name: '', family };
      const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean; italic?: boolean };
      return { name: font?.name ?? '', family, bold: font?.bold, italic: font?.italic };
    } catch {
      return { name: '', family };
    }
  };
  const items = markContent(content.items);
  const runs = toTextRuns(items, fontOf, toPage);
  return {
    page: pageNumber,
    width: viewport.width,
    height: viewport.height,
    // Form values and free-text annotations read as text where they are shown.
    runs: [...runs, ...(await annotationRuns(page, toPage, runs))],
    verticalRuns: toTextRuns(items, fontOf, toPage, 'vertical'),
    images: graphics.images,
    paths: graphics.paths,
    textBands: display ? textBands(display, OPS, toPage) : undefined,
    imageBoxes: display ? imageBoxes(graphics.images) : undefined,
    structure: await pageStructure(page),
  };
}

/** The boxes each image-painting operator paints (several for an image repeated at many places). */
function imageBoxes(images: PageImage[]): Map<number, BBox[]> {
  const boxes = new Map<number, BBox[]>();
  for (const image of images) {
    if (image.op === undefined) continue;
    boxes.set(image.op, [...(boxes.get(image.op) ?? []), image.bbox]);
  }
  return boxes;
}

export interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: unknown };
  destroy(target: unknown): void;
}

/**
 * The operator list that rendering uses, fetched by a render that draws nothing. pdf.js keeps it for
 * the page, so figure renders afterwards skip parsing the page (and decoding its images) a second
 * time; `getOperatorList()` fills a separate cache. Null when pdf.js does not expose it: the caller
 * then asks for the operator list the public way.
 */
async function displayOperatorList(page: PdfPage, factory: CanvasFactory): Promise<OperatorList | null> {
  const states = (page as unknown as { _intentStates?: Map<string, { operatorList?: unknown }> })
    ._intentStates;
  if (!(states instanceof Map) || states.size > 0) return null;
  const target = factory.create(1, 1);
  try {
    const params = {
      canvas: target.canvas,
      canvasContext: target.context,
      viewport: page.getViewport({ scale: 1 }),
      operationsFilter: () => false,
    } as unknown as Parameters<PdfPage['render']>[0];
    await page.render(params).promise;
  } catch {
    return null;
  } finally {
    factory.destroy(target);
  }
  const lists = [...states.values()]
    .map((s) => s.operatorList as (OperatorList & { lastChunk?: boolean }) | undefined)
    .filter((l) => l?.lastChunk && Array.isArray(l.fnArray) && Array.isArray(l.argsArray));
  return lists.length === 1 ? lists[0]! : null;
}
