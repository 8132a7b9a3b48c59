import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeTesseractPath } from './engines.js';
import { bmpOf } from './image-files.js';
import { lineImage } from './scan-fixtures.js';
import { TesseractStream } from './tesseract-stream.js';

const binary = await nativeTesseractPath();
// The native binary is optional: without it on PATH these cases are skipped, never faked.
const withBinary = binary ? describe : describe.skip;

/** A 300-dpi BMP file of one line of text. */
async function lineFile(dir: string, name: string, text: string): Promise<string> {
  const { gray, width, height, dpi } = await lineImage(text);
  const file = join(dir, name);
  await writeFile(file, bmpOf(gray, width, height, dpi));
  return file;
}

withBinary('TesseractStream', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tesseract-stream-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads page after page in one process, each answer that page alone', async () => {
    const stream = new TesseractStream(binary!, ['eng'], ['--psm', '3']);
    try {
      const first = await stream.read(await lineFile(dir, 'first.bmp', 'Harbour lights'));
      const second = await stream.read(await lineFile(dir, 'second.bmp', 'Mountain river'));
      expect(first).toContain('Harbour');
      expect(first).not.toContain('Mountain');
      expect(second).toContain('Mountain');
      expect(second).not.toContain('Harbour');
      // One page each, at the resolution the file states.
      for (const page of [first, second]) {
        expect(page.match(/class='ocr_page'/g)).toHaveLength(1);
        expect(page).toContain('scan_res 300 300');
      }
      expect(stream.alive).toBe(true);
    } finally {
      await stream.close();
    }
    expect(stream.alive).toBe(false);
  });

  it('fails a page it cannot read with what Tesseract said, and is gone after', async () => {
    const stream = new TesseractStream(binary!, ['eng'], ['--psm', '3']);
    await expect(stream.read(join(dir, 'missing.bmp'))).rejects.toThrow(/cannot be read/);
    expect(stream.alive).toBe(false);
    await expect(stream.read(join(dir, 'missing.bmp'))).rejects.toThrow('tesseract has exited');
  });
});
