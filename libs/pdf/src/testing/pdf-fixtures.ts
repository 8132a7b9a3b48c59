import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from 'pdf-lib';

/** Builds small PDFs for the engine's tests (no files on disk: a fresh clone has none). */
export class PdfFixture {
  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {}

  static async create(): Promise<PdfFixture> {
    const doc = await PDFDocument.create();
    return new PdfFixture(
      doc,
      await doc.embedFont(StandardFonts.Helvetica),
      await doc.embedFont(StandardFonts.HelveticaBold),
    );
  }

  page(width = 612, height = 792): PDFPage {
    return this.doc.addPage([width, height]);
  }

  /** Writes lines top-down from y, one every `leading` points. */
  lines(page: PDFPage, lines: string[], x: number, y: number, size = 10, bold = false, leading = size * 1.2) {
    lines.forEach((text, i) =>
      page.drawText(text, { x, y: y - i * leading, size, font: bold ? this.bold : this.regular }),
    );
  }

  line(page: PDFPage, x0: number, y0: number, x1: number, y1: number) {
    page.drawLine({ start: { x: x0, y: y0 }, end: { x: x1, y: y1 }, thickness: 0.5, color: rgb(0, 0, 0) });
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.doc.save());
  }
}

/** A 4x3 RGB PNG, built by hand so the tests need no image files. */
export async function tinyPng(): Promise<Uint8Array> {
  const sharp = (await import('sharp')).default;
  const raw = Buffer.alloc(40 * 30 * 3, 0);
  for (let i = 0; i < raw.length; i += 3) raw[i] = 200;
  return new Uint8Array(
    await sharp(raw, { raw: { width: 40, height: 30, channels: 3 } })
      .png()
      .toBuffer(),
  );
}
