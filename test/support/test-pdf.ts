import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A PDF with one page per entry, each page holding its lines of text from the top down. */
export async function buildPdf(pages: string[][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 760 - i * 24, size: 12, font }));
  }
  return Buffer.from(await doc.save());
}

/** A PNG of one colour, for a raster figure in a test PDF. */
export async function solidPng(
  width: number,
  height: number,
  background: { r: number; g: number; b: number },
): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
}

/** One page with a paragraph, a raster figure (a red rectangle) and its caption below it. */
export async function buildPdfWithFigure(): Promise<Buffer> {
  const png = await solidPng(200, 120, { r: 200, g: 30, b: 30 });
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Measurements of the red square', { x: 72, y: 760, size: 12, font });
  page.drawImage(await doc.embedPng(png), { x: 150, y: 450, width: 300, height: 180 });
  page.drawText('Figure 1. A red square seen from above.', { x: 150, y: 430, size: 10, font });
  page.drawText('The square is red and seen from above in this figure.', { x: 72, y: 380, size: 12, font });
  return Buffer.from(await doc.save());
}

/**
 * A long document that takes seconds to convert: `pageCount` pages of text lines, the first page
 * with a raster figure and its caption (so the outputs include a figure file and a figure row).
 */
export async function buildLongPdf(pageCount: number): Promise<Buffer> {
  const png = await solidPng(160, 100, { r: 30, g: 90, b: 200 });
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const image = await doc.embedPng(png);
  for (let p = 1; p <= pageCount; p++) {
    const page = doc.addPage([595, 842]);
    const lines = p === 1 ? 8 : 30;
    for (let i = 0; i < lines; i++) {
      const text = `Page ${p}, line ${i + 1}: the survey continues along the river bank.`;
      page.drawText(text, { x: 72, y: 780 - i * 24, size: 11, font });
    }
    if (p === 1) {
      page.drawImage(image, { x: 150, y: 300, width: 300, height: 180 });
      page.drawText('Figure 1. The blue gauge seen from the bank.', { x: 150, y: 280, size: 10, font });
    }
  }
  return Buffer.from(await doc.save());
}
