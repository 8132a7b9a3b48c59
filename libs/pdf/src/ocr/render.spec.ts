import { describe, expect, it } from '@jest/globals';
import { PDFDocument, rgb } from 'pdf-lib';
import { openDocument } from '../pdfjs.js';
import { renderForOcr } from './render.js';

describe('renderForOcr', () => {
  it('renders the page at 300 dpi, each colour as its luma on white paper', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([144, 72]); // 2 x 1 inches
    page.drawRectangle({ x: 0, y: 0, width: 36, height: 72, color: rgb(1, 0, 0) });
    page.drawRectangle({ x: 36, y: 0, width: 36, height: 72, color: rgb(0, 0, 1) });
    const doc = await openDocument(await pdf.save());
    try {
      const image = await renderForOcr(doc, await doc.getPage(1));
      expect([image.width, image.height, image.dpi]).toEqual([600, 300, 300]);
      const at = (xPt: number) => image.gray[150 * image.width + Math.round((xPt * 300) / 72)];
      // Rec. 601: red 0.299, blue 0.114 of white; a swapped channel order would read them the other way.
      expect(at(18)).toBe(76);
      expect(at(54)).toBe(29);
      expect(at(108)).toBe(255);
    } finally {
      await doc.destroy();
    }
  });
});
