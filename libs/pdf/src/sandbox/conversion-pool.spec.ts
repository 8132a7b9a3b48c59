import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PdfConversionError } from '../errors.js';
import { ConversionPool, fillsEveryCore } from './conversion-pool.js';
import { ConversionProcess } from './conversion-process.js';

const LIMITS = { timeoutSeconds: 60, memoryMb: 1024, maxPages: 100 };

describe('ConversionPool (needs `npm run build`: the processes run the compiled child)', () => {
  let dir: string;
  let pdf: string;
  let pool: ConversionPool;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'papermill-pool-'));
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([400, 400]).drawText('Warm processes convert this', { x: 40, y: 300, size: 14, font });
    pdf = join(dir, 'input.pdf');
    await writeFile(pdf, await doc.save());
    await writeFile(join(dir, 'broken.pdf'), '%PDF-1.7\nnot really a PDF\n');
    pool = new ConversionPool({ size: 1 });
  });

  afterAll(async () => {
    pool.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('converts into the output folder and reuses the process for the next conversion', async () => {
    const first = await pool.convert(pdf, join(dir, 'out1'), LIMITS);
    const second = await pool.convert(pdf, join(dir, 'out2'), LIMITS);
    expect(first).toEqual({ pageCount: 1, figures: [], textOnly: false });
    expect(second).toEqual(first);
    expect(await readFile(join(dir, 'out2', 'result.md'), 'utf8')).toContain('Warm processes convert this');
    expect(pool.started).toBe(1);
  });

  it('reports a bad PDF as a plain failure and keeps the process', async () => {
    const started = pool.started;
    await expect(pool.convert(join(dir, 'broken.pdf'), join(dir, 'out3'), LIMITS)).rejects.toEqual(
      new PdfConversionError('invalid_pdf', 'The file is not a valid PDF'),
    );
    await pool.convert(pdf, join(dir, 'out4'), LIMITS);
    expect(pool.started).toBe(started);
  });

  it('kills a process that runs out of time and starts a fresh one for the next conversion', async () => {
    const started = pool.started;
    const error = await pool
      .convert(pdf, join(dir, 'out5'), { ...LIMITS, timeoutSeconds: 0 })
      .catch((e) => e);
    expect(error).toEqual(new PdfConversionError('timeout', 'Conversion took longer than 0 s'));
    await pool.convert(pdf, join(dir, 'out6'), LIMITS);
    expect(pool.started).toBe(started + 1);
  });

  it('runs at most `size` conversions at once', async () => {
    const two = new ConversionPool({ size: 2 });
    try {
      await Promise.all([1, 2, 3, 4].map((n) => two.convert(pdf, join(dir, `par${n}`), LIMITS)));
      expect(two.started).toBeLessThanOrEqual(2);
    } finally {
      two.close();
    }
  });

  it('runs V8 single-threaded only when the pool fills every core', () => {
    expect(fillsEveryCore(1, 2)).toBe(false);
    expect(fillsEveryCore(2, 2)).toBe(true);
    expect(fillsEveryCore(4, 2)).toBe(true);
    expect(fillsEveryCore(2, 8)).toBe(false);
  });

  it.each([true, false])('starts the process with --single-threaded only when asked (%s)', async (single) => {
    const child = new ConversionProcess({ memoryMb: 256, singleThreaded: single });
    try {
      const cmdline = (await readFile(`/proc/${child.pid}/cmdline`, 'utf8')).split('\0');
      expect(cmdline.includes('--single-threaded')).toBe(single);
      expect(cmdline).toContain('--max-old-space-size=2048');
    } finally {
      child.kill();
    }
  });
});
