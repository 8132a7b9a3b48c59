import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PdfConversionError } from '../errors.js';
import { figureCyclePdf, hostilePdf, memoryHungryPdf } from '../testing/pdf-fixtures.js';
import { ConversionPool, fillsEveryCore } from './conversion-pool.js';
import { ConversionProcess } from './conversion-process.js';

// A low page timeout keeps the stalled-page tests quick; the stalling pages take minutes.
const LIMITS = { timeoutSeconds: 60, pageTimeoutSeconds: 2, memoryMb: 1024, maxPages: 100 };

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
    expect(first).toEqual({ pageCount: 1, figures: [], skippedPages: [], textOnly: false });
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

  it('leaves out a page that stalls pdf.js, converting the rest in a fresh process', async () => {
    const input = join(dir, 'stalls.pdf');
    const texts = ['First page text', 'Stalling page two', 'Third page text', 'Stalling page four'];
    await writeFile(input, await hostilePdf(texts, { stalling: [2, 4] }));
    const started = pool.started;
    const progress: number[] = [];
    const result = await pool.convert(input, join(dir, 'stalls'), LIMITS, ({ page }) => progress.push(page));
    const skipped = [
      { page: 2, reason: 'timeout', message: 'Page 2 took longer than 2 s to read' },
      { page: 4, reason: 'timeout', message: 'Page 4 took longer than 2 s to read' },
    ];
    expect(result).toEqual({ pageCount: 4, figures: [], skippedPages: skipped, textOnly: false });
    const markdown = await readFile(join(dir, 'stalls', 'result.md'), 'utf8');
    expect(markdown).toContain('First page text');
    expect(markdown).toContain('Third page text');
    expect(markdown).not.toContain('Stalling');
    const assets = JSON.parse(await readFile(join(dir, 'stalls', 'result.assets.json'), 'utf8'));
    expect(assets.pages).toEqual({
      count: 4,
      sizes: [
        { page: 1, width: 400, height: 400 },
        { page: 3, width: 400, height: 400 },
      ],
      skipped,
      ocr: [],
    });
    // A process killed per stall (drawing, then text); progress never goes back when a conversion starts over.
    expect(pool.started).toBeGreaterThanOrEqual(started + 2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(4);
  }, 60_000);

  it('fails with a sentence when every page stalls', async () => {
    const input = join(dir, 'all-stall.pdf');
    await writeFile(input, await hostilePdf(['Only page'], { stalling: [1] }));
    await expect(pool.convert(input, join(dir, 'all-stall'), LIMITS)).rejects.toEqual(
      new PdfConversionError('timeout', "The PDF's only page took longer than 2 s to read"),
    );
    await writeFile(input, await hostilePdf(['One', 'Two'], { stalling: [1, 2] }));
    await expect(pool.convert(input, join(dir, 'all-stall2'), LIMITS)).rejects.toEqual(
      new PdfConversionError('timeout', 'Every page of the PDF took longer than 2 s to read'),
    );
  }, 60_000);

  it('keeps the overall deadline across the attempts after stalled pages', async () => {
    const input = join(dir, 'many-stalls.pdf');
    await writeFile(input, await hostilePdf(['a', 'b', 'c', 'd', 'e'], { stalling: [1, 2, 3, 4] }));
    await expect(
      pool.convert(input, join(dir, 'many-stalls'), { ...LIMITS, timeoutSeconds: 5 }),
    ).rejects.toEqual(new PdfConversionError('timeout', 'Conversion took longer than 5 s'));
  }, 60_000);

  it('leaves out a page pdf.js cannot read and ends with the others', async () => {
    const input = join(dir, 'unreadable.pdf');
    await writeFile(
      input,
      await hostilePdf(['First page text', 'Broken', 'Third page text'], { broken: [2] }),
    );
    const result = await pool.convert(input, join(dir, 'unreadable'), LIMITS);
    expect(result.skippedPages).toEqual([
      { page: 2, reason: 'unreadable', message: 'Page 2 could not be read' },
    ]);
    expect(await readFile(join(dir, 'unreadable', 'result.md'), 'utf8')).toContain('Third page text');
  });

  it('extracts the text alone when drawing the figures exhausts pdf.js', async () => {
    const input = join(dir, 'cycle.pdf');
    await writeFile(input, await figureCyclePdf('Text beside a figure that never ends'));
    const limits = { ...LIMITS, memoryMb: 512, pageTimeoutSeconds: 60 };
    const result = await pool.convert(input, join(dir, 'cycle'), limits);
    expect(result).toEqual({ pageCount: 1, figures: [], skippedPages: [], textOnly: true });
    expect(await readFile(join(dir, 'cycle', 'result.md'), 'utf8')).toContain(
      'Text beside a figure that never ends',
    );
  }, 60_000);

  it('reads only the text of a page whose drawing stalls pdf.js', async () => {
    const input = join(dir, 'cycle2.pdf');
    await writeFile(input, await figureCyclePdf('Text beside a figure that never ends'));
    const result = await pool.convert(input, join(dir, 'cycle2'), { ...LIMITS, memoryMb: 4096 });
    expect(result).toEqual({ pageCount: 1, figures: [], skippedPages: [], textOnly: false });
    expect(await readFile(join(dir, 'cycle2', 'result.md'), 'utf8')).toContain(
      'Text beside a figure that never ends',
    );
  }, 60_000);

  it('fails a conversion that needs more memory than allowed, text path included', async () => {
    const input = join(dir, 'hungry.pdf');
    await writeFile(input, await memoryHungryPdf('Text before 300 MB of spaces', 300));
    await expect(pool.convert(input, join(dir, 'hungry'), { ...LIMITS, memoryMb: 256 })).rejects.toEqual(
      new PdfConversionError('memory_limit', 'The PDF needs more than 256 MB of memory to convert'),
    );
  }, 60_000);

  it('runs at most `size` conversions at once', async () => {
    const two = new ConversionPool({ size: 2 });
    try {
      await Promise.all([1, 2, 3, 4].map((n) => two.convert(pdf, join(dir, `par${n}`), LIMITS)));
      expect(two.started).toBeLessThanOrEqual(2);
    } finally {
      two.close();
    }
  });

  it('converts in the process started ahead of the first conversion', async () => {
    const ahead = new ConversionPool({ size: 1 });
    try {
      ahead.prestart(LIMITS.memoryMb);
      ahead.prestart(LIMITS.memoryMb);
      expect(ahead.started).toBe(1);
      const result = await ahead.convert(pdf, join(dir, 'ahead'), LIMITS);
      expect(result.pageCount).toBe(1);
      expect(ahead.started).toBe(1);
    } finally {
      ahead.close();
    }
  });

  it('runs V8 single-threaded only when the pool fills every core', () => {
    expect(fillsEveryCore(1, 2)).toBe(false);
    expect(fillsEveryCore(2, 2)).toBe(true);
    expect(fillsEveryCore(4, 2)).toBe(true);
    expect(fillsEveryCore(2, 8)).toBe(false);
  });

  it('gives the process none of the parent environment but the basics', async () => {
    process.env.PAPERMILL_TEST_SECRET = 'do-not-leak-this-value';
    const child = new ConversionProcess({ memoryMb: 256 });
    try {
      const environ = (await readFile(`/proc/${child.pid}/environ`, 'utf8')).split('\0').filter(Boolean);
      const names = environ.map((entry) => entry.slice(0, entry.indexOf('=')));
      expect(environ.join('\n')).not.toContain('do-not-leak-this-value');
      expect(names).not.toContain('PAPERMILL_TEST_SECRET');
      // Node adds the IPC channel's own variables (NODE_CHANNEL_FD, NODE_CHANNEL_SERIALIZATION_MODE).
      // DISABLE_SYSTEM_FONTS_LOAD and GLIBC_TUNABLES are set by the pool itself (the canvas skips its
      // font scan; the allocator asks for huge pages).
      const basics = [
        'PATH',
        'HOME',
        'TMPDIR',
        'LANG',
        'LC_ALL',
        'LC_CTYPE',
        'TZ',
        'GLIBC_TUNABLES',
        'DISABLE_SYSTEM_FONTS_LOAD',
      ];
      expect(names.filter((name) => !basics.includes(name) && !name.startsWith('NODE_CHANNEL_'))).toEqual([]);
      expect(environ).toContain('DISABLE_SYSTEM_FONTS_LOAD=1');
      expect(environ).toContainEqual(
        expect.stringMatching(/^GLIBC_TUNABLES=(.+:)?glibc\.malloc\.hugetlb=1$/),
      );
      // It still converts with that environment.
      const request = { inputPath: pdf, outDir: join(dir, 'env'), maxPages: 10, maxImagePixels: 1e6 };
      const result = await child.run(
        { ...request, skipFigures: false, skipPages: [], textOnlyPages: [] },
        { ...LIMITS, deadline: Date.now() + 60_000 },
      );
      expect(result.pageCount).toBe(1);
    } finally {
      child.kill();
      delete process.env.PAPERMILL_TEST_SECRET;
    }
  });

  it('gives the process a temp folder of its own that goes when it is killed', async () => {
    const child = new ConversionProcess({ memoryMb: 256 });
    const environ = (await readFile(`/proc/${child.pid}/environ`, 'utf8')).split('\0');
    const folder = environ.find((entry) => entry.startsWith('TMPDIR='))!.slice('TMPDIR='.length);
    expect(folder.startsWith(join(tmpdir(), 'papermill-conversion-'))).toBe(true);
    // What a page left there when its process was killed mid-way (a page image for OCR).
    await writeFile(join(folder, 'page.bmp'), 'pixels');
    child.kill();
    await child.whenExited;
    await expect(stat(folder)).rejects.toThrow('ENOENT');
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
