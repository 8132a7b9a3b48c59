import { assemble } from './assemble.js';
import { keepSubcaptions } from './classify/captions.js';
import { dropFurniture } from './classify/furniture.js';
import { attachCaptions, classifyItems, joinContinuations, settleLevels } from './classify/structure.js';
import { detectFigures } from './figures/detect.js';
import { PageContent, PageItem, bodySizeOf } from './model.js';
import {
  findRuledTables,
  findWhitespaceTables,
  lineUp,
  orderItems,
  settleFigures,
  stackBlocks,
} from './page/analyze.js';
import { PdfDocument } from './pdfjs.js';
import { checkPageCount, readPages } from './read-pages.js';
import { structureElements } from './structure/document.js';
import { ConversionResult, ConvertOptions } from './types.js';

/*
 * The conversion pipeline, in order. Each stage is a function from one typed value to the next; none
 * keeps state between calls.
 *
 * Per page (`readPages` runs them page by page, and encodes a page's figures while the next are read):
 *   1. extract            PdfPage      -> PageContent   extract/page.ts (drawing, then text; text alone
 *                                                      when the drawing fails or the page is text-only)
 *   1b. OCR              PageContent  -> PageContent   ocr/recognise-page.ts (pages without usable
 *                                                      text: rendered, recognised, words as runs)
 *   2. ruled tables       PageContent  -> RuledPage     page/analyze.ts findRuledTables
 *   3. figures            RuledPage    -> RegionsPage   figures/detect.ts, then settleFigures: table or
 *                                                      figure, labels grown into figures
 *   4. lines              RegionsPage  -> LinedPage     layout/lines.ts
 *   5. whitespace tables  LinedPage    -> LinedPage     tables/aligned.ts
 *   6. blocks             LinedPage    -> BlockedPage   layout/blocks.ts
 *   7. reading order      BlockedPage  -> PageItem[]    layout/order.ts
 * Per document:
 *   8. furniture          pages        -> PageItem[]    classify/furniture.ts (headers, footers, numbers)
 *   9. classify           PageItem[]   -> Classified    classify/structure.ts classifyItems
 *  10. cross-page joins   Classified   -> Classified    joinContinuations (paragraphs cut by breaks)
 *  11. levels             Classified   -> Element[]     settleLevels (heading levels, list nesting)
 *  12. captions           Element[]    -> Element[]     keepSubcaptions (classify/captions.ts), attachCaptions
 *  13. structure tree     Element[]    -> Element[]     structure/document.ts: tagged pages whose tree
 *                                                      covers their text are built from the tree
 *  14. Markdown, assets   Element[]    -> result        assemble.ts, markdown/render.ts
 */

/** Stages 2-7: one page's content to its tables, pictures and text blocks, in reading order. */
export function analyzePage(content: PageContent, options: { figures: boolean }): PageItem[] {
  const ruled = findRuledTables(content);
  const regions = settleFigures(ruled, options.figures ? detectFigures(content) : []);
  const lined = findWhitespaceTables(lineUp(regions));
  const blocked = stackBlocks(lined);
  return orderItems(blocked);
}

/** The whole pipeline on an open document. */
export async function convertDocument(doc: PdfDocument, options: ConvertOptions): Promise<ConversionResult> {
  checkPageCount(doc.numPages, options);
  const read = await readPages(doc, options, analyzePage);
  const bodySize = bodySizeOf(read.runs);
  const kept = dropFurniture(read.pages, bodySize);
  const classified = classifyItems(kept.flat(), bodySize);
  const joined = joinContinuations(classified);
  const geometric = attachCaptions(keepSubcaptions(settleLevels(joined)));
  // A tagged document's own structure tree, where it covers the text, outranks the geometry.
  const elements = structureElements(read.pages, kept, geometric) ?? geometric;
  // A figure whose picture could not be drawn is left out of the Markdown and the assets.
  const drawn = elements.filter((e) => e.kind !== 'figure' || read.pngs.has(e.figure));
  return assemble(drawn, read.pngs, {
    count: read.count,
    sizes: read.sizes,
    skipped: read.skipped,
    ocr: read.ocr,
  });
}
