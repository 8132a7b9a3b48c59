import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeTesseractPath } from './engines.js';
import { bmpOf } from './image-files.js';
import { TesseractStream } from './tesseract-stream.js';

const binary = await nativeTesseractPath();
// The native binary is optional: without it on PATH these cases are skipped, never faked.
const withBinary = binary ? describe : describe.skip;

/** A 300-dpi BMP of one line of text, drawn by librsvg through sharp. */
async function lineImage(dir: string, name: string, text: string): Promise<string> {
  const { default: sharp } = await import('sharp');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="200"><rect width="100%" height="100%" fill="white"/><text x="40" y="120" font-family="DejaVu Sans" font-size="64">${text}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const file = join(dir, name);
  await writeFile(file, bmpOf(new Uint8Array(data), info.width, info.height, 300));
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
      const first = await stream.read(await lineImage(dir, 'first.bmp', 'Harbour lights'));
      const second = await stream.read(await lineImage(dir, 'second.bmp', 'Mountain river'));
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
