import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkOcrSetup, nativeTesseractPath, OcrSetupError } from './engines.js';

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
