import { PDFDocument, StandardFonts } from 'pdf-lib';
import { solidPng } from '../support/test-pdf.js';

export const HEADING = 'River Gauge Survey';
export const CAPTION = 'Figure 1. A red square seen from above.';

/**
 * Two pages: a heading in a large bold font, a paragraph, a raster figure with its caption below,
 * and a second page of text (so a conversion has more than one page to report).
 */
export async function buildWebPdf(): Promise<Buffer> {
  const png = await solidPng(200, 120, { r: 200, g: 30, b: 30 });
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const first = doc.addPage([595, 842]);
  first.drawText(HEADING, { x: 72, y: 770, size: 24, font: bold });
  const paragraph = [
    'The gauges along the river were read every morning for a month,',
    'and the readings were compared with the records of the year before.',
  ];
  paragraph.forEach((line, i) => first.drawText(line, { x: 72, y: 730 - i * 16, size: 12, font }));
  first.drawImage(await doc.embedPng(png), { x: 150, y: 450, width: 300, height: 180 });
  first.drawText(CAPTION, { x: 150, y: 430, size: 10, font });
  const second = doc.addPage([595, 842]);
  for (let i = 0; i < 20; i++)
    second.drawText(`Reading ${i + 1}: the water stood a little higher than the day before.`, {
      x: 72,
      y: 770 - i * 18,
      size: 12,
      font,
    });
  return Buffer.from(await doc.save());
}
