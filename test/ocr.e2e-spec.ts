import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { scannedCopy } from '../libs/pdf/src/ocr/scan-fixtures.js';
import { ApiClient } from './support/client.js';
import { startStack, Stack } from './support/stack.js';

// Starting the stack, then recognising a page: seconds each, more on a busy machine.
jest.setTimeout(180_000);

const LINES = ['Minutes of the harbour board meeting', 'The board approved repairs to the northern pier.'];

/** A scan of a page of text: one picture, no text layer. */
async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  LINES.forEach((line, i) => page.drawText(line, { x: 72, y: 760 - i * 24, size: 14, font }));
  return Buffer.from(await scannedCopy(new Uint8Array(await doc.save())));
}

describe('a scanned upload', () => {
  let stack: Stack;
  let client: ApiClient;

  beforeAll(async () => {
    // tesseract.js is the engine every install has (the native binary is optional).
    stack = await startStack({ storage: 'local', env: { OCR_ENGINE: 'tesseract.js' } });
    client = new ApiClient(stack.url);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('ends DONE with its recognised text in the Markdown and the page marked in the assets', async () => {
    const created = await client.upload(await scannedPdf(), 'minutes scan.pdf');
    expect(created.status).toBe(201);
    const task = await client.waitForTask(String(created.body.id));
    expect(task.status).toBe('DONE');

    const download = await client.request('GET', `/tasks/${String(task.id)}/download`);
    const markdown = await download.text();
    for (const line of LINES) expect(markdown).toContain(line);

    const assets = await client.json<{
      pages: { count: number; ocr: { page: number; engine: string; confidence: number }[] };
      figures: unknown[];
    }>('GET', `/tasks/${String(task.id)}/assets`);
    expect(assets.body.pages.count).toBe(1);
    expect(assets.body.pages.ocr).toEqual([
      { page: 1, engine: 'tesseract.js', confidence: expect.any(Number) },
    ]);
    expect(assets.body.figures).toEqual([]);
  });
});
