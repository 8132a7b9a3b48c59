import { describe, expect, it } from '@jest/globals';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { extractPage } from '../extract/page.js';
import { openDocument } from '../pdfjs.js';
import { renderForOcr } from './render.js';
import { pageOfImages } from './page-of-images.js';

type Draw = (page: ReturnType<PDFDocument['addPage']>, pdf: PDFDocument) => Promise<void>;

/**
 * A 1 x 1 inch page holding a square picture `size` pixels wide: black left half, white right half,
 * `alpha` opaque; `draw` adds to the page.
 */
async function pageWithPicture({
  draw,
  alpha = 255,
  size = 100,
}: { draw?: Draw; alpha?: number; size?: number } = {}) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    pixels.fill(i % size < size / 2 ? 0 : 255, i * 4, i * 4 + 3);
    pixels[i * 4 + 3] = alpha;
  }
  const png = await sharp(pixels, { raw: { width: size, height: size, channels: 4 } })
    .png()
    .toBuffer();
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([72, 72]);
  page.drawImage(await pdf.embedPng(png), { x: 0, y: 0, width: 72, height: 72 });
  await draw?.(page, pdf);
  return openDocument(await pdf.save());
}

async function laidOut(doc: Awaited<ReturnType<typeof pageWithPicture>>) {
  const page = await doc.getPage(1);
  const content = await extractPage(page, 1, { canvasFactory: doc.canvasFactory as never });
  return { page, content };
}

describe('pageOfImages', () => {
  it('lays a scan out from its decoded picture, pixel for pixel as pdf.js renders it', async () => {
    const doc = await pageWithPicture();
    try {
      const { page, content } = await laidOut(doc);
      const laid = await pageOfImages(page, content, { width: 300, height: 300, scale: 300 / 72 });
      const rendered = await renderForOcr(doc, page);
      expect([rendered.width, rendered.height, rendered.dpi]).toEqual([300, 300, 300]);
      expect([laid![150 * 300 + 60], laid![150 * 300 + 240]]).toEqual([0, 255]);
      // Enlarged three times with square pixels, as pdf.js paints it: the same pixels, so OCR reads the same.
      expect(Buffer.compare(Buffer.from(laid!), Buffer.from(rendered.gray))).toBe(0);
    } finally {
      await doc.destroy();
    }
  });

  it.each<[string, Parameters<typeof pageWithPicture>[0]]>([
    [
      'text',
      {
        draw: async (page, pdf) => {
          page.drawText('Stamp', { x: 4, y: 4, size: 8, font: await pdf.embedFont(StandardFonts.Helvetica) });
        },
      },
    ],
    [
      'a drawn line',
      {
        draw: async (page) => {
          page.drawLine({ start: { x: 0, y: 36 }, end: { x: 72, y: 36 }, thickness: 1, color: rgb(0, 0, 0) });
        },
      },
    ],
    // pdf.js blends it with the paper.
    ['a translucent picture', { alpha: 128 }],
    // Enlarged 1.5 times, pdf.js's square pixels fall where its own sampling puts them.
    ['a picture enlarged a fractional number of times', { size: 200 }],
  ])('leaves a page with %s to pdf.js', async (_, picture) => {
    const doc = await pageWithPicture(picture);
    try {
      const { page, content } = await laidOut(doc);
      expect(await pageOfImages(page, content, { width: 300, height: 300, scale: 300 / 72 })).toBeNull();
      // A render still reads it.
      expect((await renderForOcr(doc, page, { content })).gray[150 * 300 + 60]).toBeLessThan(128);
    } finally {
      await doc.destroy();
    }
  });
});
