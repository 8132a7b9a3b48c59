/** PDFs the load benchmarks generate: text documents of N pages with figures, and a padded upload. */
import { randomBytes } from 'node:crypto';
import { PDFDocument, PDFFont, PDFImage, PDFPage, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

const WORDS = (
  'the conversion of scanned and born digital documents into structured text remains a demanding ' +
  'task because layout analysis must recover reading order columns headings tables and figures ' +
  'from positioned glyphs while keeping memory and time bounded for long reports and papers'
).split(' ');

/** A deterministic pseudo-random sequence, so every run converts the same document. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next: () => number): string {
  const length = 8 + Math.floor(next() * 10);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]);
  return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
}

/** Wraps text to lines that fit `width` points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

async function figurePng(seed: number): Promise<Buffer> {
  const next = prng(seed);
  const [r, g, b] = [next(), next(), next()].map((x) => Math.floor(40 + x * 180));
  return sharp({ create: { width: 320, height: 200, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();
}

function drawTextPage(
  page: PDFPage,
  fonts: { body: PDFFont; bold: PDFFont },
  next: () => number,
  pageNumber: number,
  figure?: { image: PDFImage; index: number },
): void {
  const margin = 72;
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;
  page.drawText(`${pageNumber}. Section ${pageNumber}`, { x: margin, y, size: 16, font: fonts.bold });
  y -= 30;
  const paragraphs = figure ? 2 : 4;
  for (let p = 0; p < paragraphs; p++) {
    const text = Array.from({ length: 4 + Math.floor(next() * 3) }, () => sentence(next)).join(' ');
    for (const line of wrap(text, fonts.body, 11, width)) {
      page.drawText(line, { x: margin, y, size: 11, font: fonts.body });
      y -= 15;
    }
    y -= 10;
  }
  if (figure) {
    y -= 200;
    page.drawImage(figure.image, { x: margin + 60, y, width: 320, height: 200 });
    y -= 18;
    page.drawText(`Figure ${figure.index}. Measurements of sample ${figure.index}.`, {
      x: margin + 60,
      y,
      size: 10,
      font: fonts.body,
    });
  }
  page.drawText(String(pageNumber), { x: page.getWidth() / 2, y: 40, size: 9, font: fonts.body });
}

/** A text document of `pages` A4 pages: a heading and paragraphs each, a figure every `figureEvery`. */
export async function textDocument(pages: number, figureEvery = 5): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fonts = {
    body: await doc.embedFont(StandardFonts.TimesRoman),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const images = await Promise.all([1, 2, 3].map(async (seed) => doc.embedPng(await figurePng(seed))));
  const next = prng(pages);
  let figures = 0;
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595, 842]);
    const withFigure = figureEvery > 0 && n % figureEvery === 0;
    const figure = withFigure ? { image: images[figures % images.length], index: ++figures } : undefined;
    drawTextPage(page, fonts, next, n, figure);
  }
  return Buffer.from(await doc.save());
}

/**
 * A PDF of at least `minBytes`: a few text pages and one photo-like image of random pixels (which
 * no compression shrinks), the shape of a scanned upload.
 */
export async function paddedDocument(minBytes: number): Promise<Buffer> {
  const doc = await PDFDocument.load(await textDocument(3, 0));
  const width = 1024;
  const height = Math.ceil(minBytes / (width * 3));
  const pixels = randomBytes(width * height * 3);
  const png = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const page = doc.addPage([595, 842]);
  page.drawImage(await doc.embedPng(png), { x: 72, y: 72, width: 451, height: 698 });
  return Buffer.from(await doc.save());
}
