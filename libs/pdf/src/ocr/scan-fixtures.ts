import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { openDocument } from '../pdfjs.js';
import { PdfFixture } from '../testing/pdf-fixtures.js';
import type { ImageToRead } from './engines.js';
import { isRightToLeft } from './scripts.js';

/** Pixels per point of the test scans: 150 dpi, an ordinary office scan. */
const SCAN_SCALE = 150 / 72;

/**
 * A PDF whose every page is only a picture of the born-digital `pdf`'s page (no text layer), drawn
 * with the engine's own renderer: what a scanner gives, for tests that need no image files.
 */
export async function scannedCopy(pdf: Uint8Array): Promise<Uint8Array> {
  const source = await openDocument(pdf.slice());
  const out = await PDFDocument.create();
  try {
    for (let n = 1; n <= source.numPages; n++) {
      const page = await source.getPage(n);
      const viewport = page.getViewport({ scale: SCAN_SCALE });
      const factory = source.canvasFactory as {
        create(w: number, h: number): { canvas: { toBuffer(mime: string): Buffer }; context: unknown };
        destroy(target: unknown): void;
      };
      const target = factory.create(Math.floor(viewport.width), Math.floor(viewport.height));
      const ctx = target.context as { fillStyle: string; fillRect(...a: number[]): void };
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, viewport.width, viewport.height);
      const params = { canvas: target.canvas, canvasContext: ctx, viewport };
      await page.render(params as unknown as Parameters<typeof page.render>[0]).promise;
      const png = await out.embedPng(new Uint8Array(target.canvas.toBuffer('image/png')));
      factory.destroy(target);
      const { width, height } = page.getViewport({ scale: 1 });
      out.addPage([width, height]).drawImage(png, { x: 0, y: 0, width, height });
    }
  } finally {
    await source.destroy();
  }
  return new Uint8Array(await out.save());
}

/**
 * A page whose text shows in Helvetica but whose ToUnicode map sends every code to the private-use
 * area: what a font without usable Unicode gives, drawn readable, extracted as symbol soup.
 */
export async function privateUseTextPdf(lines: string[]): Promise<Uint8Array> {
  const f = await PdfFixture.create();
  f.lines(f.page(), lines, 72, 700, 14);
  // pdf-lib writes font dictionaries when saving: the map is added to the saved document.
  const doc = await PDFDocument.load(await f.bytes());
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /PrivateUse def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    '1 beginbfrange <20> <7E> <E020> endbfrange',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = doc.context.register(doc.context.stream(cmap));
  const fonts = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  for (const key of fonts.keys()) fonts.lookup(key, PDFDict).set(PDFName.of('ToUnicode'), toUnicode);
  return new Uint8Array(await doc.save());
}

/**
 * A one-page image-only PDF (US letter at 150 dpi) of `lines` set in DejaVu Sans by the system's
 * text layout (librsvg through sharp): scans in scripts the standard PDF fonts do not have.
 */
export async function scannedLines(lines: string[]): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  const [width, height] = [612 * SCAN_SCALE, 792 * SCAN_SCALE].map(Math.round);
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // A right-to-left line is set from the right margin with its base direction so (its Latin words
  // embedded where they fall in its reading order).
  const text = lines
    .map((l, i) => {
      const x = isRightToLeft(l) ? `x="${width - 150}" direction="rtl"` : 'x="150"';
      return `<text ${x} y="${200 + i * 70}" font-family="DejaVu Sans" font-size="36">${escape(l)}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${text}</svg>`;
  const png = await sharp(Buffer.from(svg)).grayscale().png().toBuffer();
  const out = await PDFDocument.create();
  const image = await out.embedPng(new Uint8Array(png));
  out.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  return new Uint8Array(await out.save());
}

/** A 300-dpi grey image of one line of text in DejaVu Sans (librsvg through sharp), as a recogniser reads it. */
export async function lineImage(text: string): Promise<ImageToRead> {
  const { default: sharp } = await import('sharp');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="200"><rect width="100%" height="100%" fill="white"/><text x="40" y="120" font-family="DejaVu Sans" font-size="64">${text}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { gray: new Uint8Array(data), width: info.width, height: info.height, dpi: 300 };
}
