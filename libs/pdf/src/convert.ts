import { openDocument, withPdfJsInflate } from './pdfjs.js';
import { convertDocument } from './pipeline.js';
import { ConversionResult, ConvertOptions } from './types.js';

/** Converts PDF bytes to Markdown, figures and the assets object. */
export function convertPdf(data: Uint8Array, options: ConvertOptions = {}): Promise<ConversionResult> {
  return withPdfJsInflate(async () => {
    const doc = await openDocument(data, { maxImagePixels: options.maxImagePixels });
    try {
      return await convertDocument(doc, options);
    } finally {
      await doc.destroy();
    }
  });
}
