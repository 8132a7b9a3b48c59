import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFFont, PDFName, PDFPage, PDFRef, StandardFonts, rgb } from 'pdf-lib';

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

/** Graphics-state saves never restored: pdf.js's text extraction slows down superlinearly (minutes at 50k). */
const STALLING_SAVES = 50_000;

/**
 * A document of `texts.length` pages, one line of text each, whose pages listed in `stalling` keep
 * pdf.js busy for minutes (50,000 unbalanced `q`) and whose pages in `broken` cannot be read (their
 * content stream's cross-reference offset points 3 bytes early, so pdf.js throws fetching it).
 */
export async function hostilePdf(
  texts: string[],
  { stalling = [], broken = [] }: { stalling?: number[]; broken?: number[] },
): Promise<Uint8Array> {
  const f = await PdfFixture.create();
  const brokenObjects: number[] = [];
  texts.forEach((text, i) => {
    const page = f.page(400, 400);
    f.lines(page, [text], 40, 300, 14);
    const n = i + 1;
    if (stalling.includes(n)) {
      page.node.addContentStream(f.doc.context.register(f.doc.context.stream('q\n'.repeat(STALLING_SAVES))));
    }
    if (broken.includes(n)) {
      const ref = f.doc.context.register(f.doc.context.stream('0 0 m 10 10 l S\n'));
      page.node.addContentStream(ref);
      brokenObjects.push(ref.objectNumber);
    }
  });
  const bytes = new Uint8Array(await f.doc.save({ useObjectStreams: false }));
  return brokenObjects.length ? shiftXrefOffsets(bytes, brokenObjects, -3) : bytes;
}

/** Moves the classic cross-reference entries of `objects` by `delta` bytes (entries are fixed 20 bytes). */
function shiftXrefOffsets(bytes: Uint8Array, objects: number[], delta: number): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const table = text.lastIndexOf('\nxref\n');
  const [, first] = /^xref\n(\d+) \d+\n/.exec(text.slice(table + 1)) ?? [];
  if (first === undefined) throw new Error('No classic cross-reference table');
  const entries = text.indexOf('\n', text.indexOf('\n', table + 1) + 1) + 1;
  const out = Buffer.from(bytes);
  for (const object of objects) {
    const at = entries + (object - Number(first)) * 20;
    const offset = Number(text.slice(at, at + 10)) + delta;
    out.write(String(offset).padStart(10, '0'), at, 'latin1');
  }
  return new Uint8Array(out);
}

/**
 * One page of text that also draws a form whose drawing never ends: form A draws form B, whose tiling
 * pattern draws A again. pdf.js's operator list (figures) exhausts memory on it; its text is fine.
 */
export async function figureCyclePdf(text: string): Promise<Uint8Array> {
  const f = await PdfFixture.create();
  const page = f.page(400, 400);
  f.lines(page, [text], 40, 300, 14);
  const { context } = f.doc;
  const formA = context.nextRef();
  const formB = context.nextRef();
  const pattern = context.nextRef();
  const form = (content: string, resources: Record<string, Record<string, PDFRef>>) =>
    context.stream(content, {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, 225, 161],
      Resources: resources,
    });
  context.assign(formA, form('/B Do', { XObject: { B: formB } }));
  context.assign(formB, form('/Pattern cs /P scn 0 0 224 160 re f', { Pattern: { P: pattern } }));
  context.assign(
    pattern,
    context.stream('/A Do', {
      PatternType: 1,
      PaintType: 1,
      TilingType: 1,
      BBox: [0, 0, 225, 161],
      XStep: 225,
      YStep: 161,
      Resources: { XObject: { A: formA } },
    }),
  );
  page.node.setXObject(PDFName.of('Cycle'), formA);
  page.node.addContentStream(context.register(context.stream('q 1 0 0 1 40 40 cm /Cycle Do Q')));
  return f.bytes();
}

/** One page of text whose second content stream inflates to `mb` MB of spaces (a few hundred KB stored). */
export async function memoryHungryPdf(text: string, mb: number): Promise<Uint8Array> {
  const f = await PdfFixture.create();
  const page = f.page(400, 400);
  f.lines(page, [text], 40, 300, 14);
  const spaces = deflateSync(Buffer.alloc(mb * 1024 * 1024, 0x20), { level: 9 });
  const stream = f.doc.context.stream(spaces, { Filter: 'FlateDecode' });
  page.node.addContentStream(f.doc.context.register(stream));
  return f.bytes();
}
