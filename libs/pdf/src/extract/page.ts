import { PageContent } from '../model.js';
import { PdfPage, loadPdfJs } from '../pdfjs.js';
import { collectGraphics } from './graphics.js';
import { Matrix } from './matrix.js';
import { FontInfo, RawTextItem, toTextRuns } from './text.js';

/**
 * One pdf.js pass over a page: the operator list (graphics, fonts) then the text. Without
 * `graphics` the operator list is never built: the text-only path for pages whose drawing
 * exhausts pdf.js (bold and ruled tables are then unknown).
 */
export async function extractPage(
  page: PdfPage,
  pageNumber: number,
  { graphics: withGraphics = true }: { graphics?: boolean } = {},
): Promise<PageContent> {
  const { OPS } = await loadPdfJs();
  // Page space as displayed: rotation applied, origin at the bottom-left corner of the visible box.
  const viewport = page.getViewport({ scale: 1 });
  const v = viewport.transform;
  const toPage: Matrix = [v[0], -v[1], v[2], -v[3], v[4], viewport.height - v[5]];
  const graphics = withGraphics
    ? collectGraphics(await page.getOperatorList(), OPS, toPage)
    : { images: [], paths: [] };
  const content = await page.getTextContent();
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
  const items = content.items.filter((item): item is RawTextItem & typeof item => 'str' in item);
  return {
    page: pageNumber,
    width: viewport.width,
    height: viewport.height,
    runs: toTextRuns(items, fontOf, toPage),
    images: graphics.images,
    paths: graphics.paths,
  };
}
