import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bundledDataDir,
  checkOcrSetup,
  nativeTesseractPath,
  OcrSetupError,
  startRecogniser,
} from './engines.js';
import { childrenOf } from '../sandbox/memory-watch.js';
import { lineImage } from './scan-fixtures.js';

describe('checkOcrSetup', () => {
  let empty: string;

  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'ocr-data-'));
    await writeFile(join(empty, 'README'), 'no language data here');
  });

  afterAll(() => rm(empty, { recursive: true, force: true }));

  it('finds the bundled English for tesseract.js', async () => {
    await expect(checkOcrSetup({ mode: 'auto', engine: 'tesseract.js' })).resolves.toBe('tesseract.js');
  });

  it('names a configured language that is not there', async () => {
    const check = checkOcrSetup({ mode: 'auto', engine: 'tesseract.js', languages: ['eng', 'zzz'] });
    await expect(check).rejects.toThrow(OcrSetupError);
    await expect(check).rejects.toThrow('OCR language zzz is not available to tesseract.js');
  });

  it('reads every language from the data folder when one is set', async () => {
    const check = checkOcrSetup({ mode: 'auto', engine: 'tesseract.js', dataDir: empty });
    await expect(check).rejects.toThrow(
      `OCR language eng is not available to tesseract.js: not in OCR_DATA_DIR=${empty}`,
    );
  });

  it('asks the native binary which languages it has', async () => {
    if (!(await nativeTesseractPath())) {
      // Without the binary, asking for it is the error.
      await expect(checkOcrSetup({ mode: 'auto', engine: 'tesseract' })).rejects.toThrow(
        /no tesseract binary/,
      );
      return;
    }
    await expect(checkOcrSetup({ mode: 'auto', engine: 'tesseract' })).resolves.toBe('tesseract');
    await expect(checkOcrSetup({ mode: 'auto', engine: 'tesseract', languages: ['zzz'] })).rejects.toThrow(
      'OCR language zzz is not available to tesseract',
    );
  });
});

/** The `tesseract` processes this process started. */
async function tesseractChildren(): Promise<number[]> {
  const pids: number[] = [];
  for (const pid of await childrenOf(process.pid)) {
    const name = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
    if (name.trim() === 'tesseract') pids.push(pid);
  }
  return pids;
}

const binary = await nativeTesseractPath();
// The native binary is optional: without it on PATH these cases are skipped, never faked.
(binary ? describe : describe.skip)('the native recogniser', () => {
  it('keeps one tesseract for page after page, starts another when it dies, and ends it on close', async () => {
    const recogniser = await startRecogniser({ mode: 'auto', engine: 'tesseract' });
    try {
      expect(await recogniser.recognise(await lineImage('Harbour lights'), ['eng'])).toContain('Harbour');
      expect(await recogniser.recognise(await lineImage('Mountain river'), ['eng'])).toContain('Mountain');
      const [first, ...others] = await tesseractChildren();
      expect(others).toEqual([]);
      // Killed between pages (the kernel's OOM killer, an operator): the next page is still read.
      process.kill(first, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await recogniser.recognise(await lineImage('Quiet valley'), ['eng'])).toContain('valley');
      const now = await tesseractChildren();
      expect(now).toHaveLength(1);
      expect(now[0]).not.toBe(first);
    } finally {
      await recogniser.close();
    }
    expect(await tesseractChildren()).toEqual([]);
  });

  it('reads with a data folder that holds nothing but traineddata files', async () => {
    // What an operator gathers into OCR_DATA_DIR: here the npm package's English, unpacked.
    const dataDir = await mkdtemp(join(tmpdir(), 'ocr-data-'));
    await writeFile(
      join(dataDir, 'eng.traineddata'),
      gunzipSync(await readFile(join(bundledDataDir(), 'eng.traineddata.gz'))),
    );
    const recogniser = await startRecogniser({ mode: 'auto', engine: 'tesseract', dataDir });
    try {
      expect(await recogniser.recognise(await lineImage('Harbour lights'), ['eng'])).toContain('Harbour');
    } finally {
      await recogniser.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
