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
