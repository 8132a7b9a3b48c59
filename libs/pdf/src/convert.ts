import { PdfConversionError } from './errors.js';
import { openDocument } from './pdfjs.js';
import { Assets, ConversionResult, ConvertOptions } from './types.js';

/** Converts PDF bytes to Markdown, figures and the assets object. */
export async function convertPdf(data: Uint8Array, options: ConvertOptions = {}): Promise<ConversionResult> {
  const doc = await openDocument(data, { maxImagePixels: options.maxImagePixels });
  try {
    const pages = doc.numPages;
    if (pages === 0) throw new PdfConversionError('no_pages', 'The PDF has no pages');
    if (options.maxPages !== undefined && pages > options.maxPages) {
      throw new PdfConversionError(
        'too_many_pages',
        `The PDF has ${pages} pages; the limit is ${options.maxPages}`,
      );
    }
    const paragraphs: string[] = [];
    const sizes: Assets['pages']['sizes'] = [];
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      sizes.push({ page: n, width: x1 - x0, height: y1 - y0 });
      let content;
      try {
        content = await page.getTextContent();
      } catch {
        throw new PdfConversionError('unreadable_content', `Page ${n} of the PDF could not be read`);
      }
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .trim();
      if (text) paragraphs.push(text);
      page.cleanup();
      options.onProgress?.({ page: n, pages });
    }
    return {
      markdown: paragraphs.join('\n\n') + '\n',
      figures: [],
      assets: { figures: [], pages: { count: pages, sizes }, tables: [], outline: [] },
      pageCount: pages,
    };
  } finally {
    await doc.destroy();
  }
}
