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

/** One page with a paragraph, a raster figure (a red rectangle) and its caption below it. */
export async function buildPdfWithFigure(): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const png = await sharp({
    create: { width: 200, height: 120, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
    .png()
    .toBuffer();
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Measurements of the red square', { x: 72, y: 760, size: 12, font });
  page.drawImage(await doc.embedPng(png), { x: 150, y: 450, width: 300, height: 180 });
  page.drawText('Figure 1. A red square seen from above.', { x: 150, y: 430, size: 10, font });
  page.drawText('The square is red and seen from above in this figure.', { x: 72, y: 380, size: 12, font });
  return Buffer.from(await doc.save());
}
