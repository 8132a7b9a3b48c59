import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { bmpOf, pgmOf } from './image-files.js';
import { TesseractStream } from './tesseract-stream.js';
import { OcrEngineChoice, OcrEngineName, OcrOptions } from './options.js';
import { scriptGroups } from './scripts.js';

/** A page image to read: grey pixels row by row, at `dpi`. */
export interface ImageToRead {
  gray: Uint8Array;
  width: number;
  height: number;
  dpi: number;
}

/** Reads one page image in some of the configured languages and answers Tesseract's hOCR. */
export interface Recogniser {
  readonly engine: OcrEngineName;
  recognise(image: ImageToRead, languages: readonly string[]): Promise<string>;
  close(): Promise<void>;
}

/** A configured language that neither the data folder nor the engine has. */
export class OcrSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcrSetupError';
  }
}

const execFileAsync = promisify(execFile);

/** Automatic page segmentation without orientation detection: Tesseract's default for whole pages. */
const PAGE_SEGMENTATION = '3';

/** Where `tesseract` is on PATH, or null. */
export async function nativeTesseractPath(): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'tesseract');
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** The engine `choice` resolves to on this machine. */
export async function resolveEngine(choice: OcrEngineChoice = 'auto'): Promise<OcrEngineName> {
  if (choice !== 'auto') return choice;
  return (await nativeTesseractPath()) ? 'tesseract' : 'tesseract.js';
}

/**
 * Checks that the engine is there and has every configured language; throws an `OcrSetupError`
 * naming what is missing (for a process to refuse to start rather than fail every scanned page).
 */
export async function checkOcrSetup(options: OcrOptions): Promise<OcrEngineName> {
  const engine = await resolveEngine(options.engine);
  const languages = options.languages ?? ['eng'];
  if (engine === 'tesseract') {
    const binary = await nativeTesseractPath();
    if (!binary) throw new OcrSetupError('OCR_ENGINE=tesseract but no tesseract binary is on PATH');
    const listed = await execFileAsync(binary, ['--list-langs', ...dataDirArgs(options)]);
    const have = new Set(
      listed.stdout
        .split('\n')
        .slice(1)
        .map((l) => l.trim()),
    );
    const missing = languages.filter((l) => !have.has(l));
    if (missing.length) throw missingLanguages(missing, engine, options.dataDir);
  } else {
    const missing: string[] = [];
    for (const lang of languages) if (!(await traineddataPath(lang, options.dataDir))) missing.push(lang);
    if (missing.length) throw missingLanguages(missing, engine, options.dataDir);
  }
  return engine;
}

function missingLanguages(missing: string[], engine: OcrEngineName, dataDir?: string): OcrSetupError {
  const where = dataDir
    ? `in OCR_DATA_DIR=${dataDir}`
    : 'built in (set OCR_DATA_DIR to a folder holding every configured language)';
  return new OcrSetupError(`OCR language ${missing.join(', ')} is not available to ${engine}: not ${where}`);
}

function dataDirArgs(options: OcrOptions): string[] {
  return options.dataDir ? ['--tessdata-dir', options.dataDir] : [];
}

/** The npm package's English data (LSTM "best", integer weights, gzipped). */
export function bundledDataDir(): string {
  const root = dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json'));
  return join(root, '4.0.0_best_int');
}

/**
 * A language's data file. The data folder, when set, holds every language (as the native engine's
 * `--tessdata-dir` does); without it only the bundled English is there.
 */
async function traineddataPath(lang: string, dataDir?: string): Promise<string | null> {
  const candidates = dataDir
    ? [join(dataDir, `${lang}.traineddata`), join(dataDir, `${lang}.traineddata.gz`)]
    : lang === 'eng'
      ? [join(bundledDataDir(), 'eng.traineddata.gz')]
      : [];
  for (const file of candidates) {
    try {
      await access(file, constants.R_OK);
      return file;
    } catch {
      // next candidate
    }
  }
  return null;
}

/**
 * The `tesseract` binary on one thread (the machine's other cores run other conversions), one process
 * per set of languages kept for every page (`TesseractStream`). It reads each page from a BMP file
 * that states the page's resolution: on a 300-dpi page a tenth of a second sooner than PGM (which
 * Leptonica reads a pixel at a time), and a file a fifth sooner than standard input.
 */
class NativeTesseract implements Recogniser {
  readonly engine = 'tesseract' as const;
  private readonly streams = new Map<string, TesseractStream>();

  constructor(
    private readonly binary: string,
    private readonly options: OcrOptions,
  ) {}

  async recognise(image: ImageToRead, languages: readonly string[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'papermill-ocr-'));
    try {
      const file = join(dir, 'page.bmp');
      await writeFile(file, bmpOf(image.gray, image.width, image.height, image.dpi));
      return await this.stream(languages).read(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private stream(languages: readonly string[]): TesseractStream {
    const key = languages.join('+');
    let stream = this.streams.get(key);
    if (!stream?.alive) {
      // A process that exited (killed, or a page it could not read) is started again.
      stream = new TesseractStream(this.binary, languages, [
        '--psm',
        PAGE_SEGMENTATION,
        ...dataDirArgs(this.options),
      ]);
      this.streams.set(key, stream);
    }
    return stream;
  }

  async close(): Promise<void> {
    const streams = [...this.streams.values()];
    this.streams.clear();
    await Promise.all(streams.map((s) => s.close()));
  }
}

type TesseractWorker = Awaited<ReturnType<typeof import('tesseract.js').createWorker>>;

/** tesseract.js (Tesseract compiled to WebAssembly, in a worker thread), its data read from disk. */
class TesseractJs implements Recogniser {
  readonly engine = 'tesseract.js' as const;

  private constructor(
    private readonly worker: TesseractWorker,
    /** The languages the worker has loaded. */
    private loaded: string,
  ) {}

  static async start(options: OcrOptions): Promise<TesseractJs> {
    const { createWorker, OEM } = (await import('tesseract.js')).default;
    const languages = options.languages ?? ['eng'];
    const files: string[] = [];
    for (const code of languages) {
      const file = await traineddataPath(code, options.dataDir);
      if (!file) throw missingLanguages([code], 'tesseract.js', options.dataDir);
      files.push(file);
    }
    // tesseract.js names every file of one folder alike: all gzipped, or none.
    const gzip = files.every((f) => f.endsWith('.gz'));
    if (!gzip && files.some((f) => f.endsWith('.gz'))) {
      throw new OcrSetupError(`OCR_DATA_DIR=${options.dataDir} mixes gzipped and plain traineddata files`);
    }
    const first = scriptGroups(languages)[0].join('+');
    const worker = await createWorker(first, OEM.LSTM_ONLY, {
      langPath: options.dataDir ?? bundledDataDir(),
      gzip,
      // Read from disk each start; nothing is fetched or written to a cache.
      cacheMethod: 'none',
    });
    await worker.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION as never });
    return new TesseractJs(worker, first);
  }

  async recognise(image: ImageToRead, languages: readonly string[]): Promise<string> {
    const wanted = languages.join('+');
    if (wanted !== this.loaded) {
      // Every configured language's data was found at start; switching reloads the models.
      const { OEM } = (await import('tesseract.js')).default;
      await this.worker.reinitialize(wanted, OEM.LSTM_ONLY);
      await this.worker.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION as never });
      this.loaded = wanted;
    }
    await this.worker.setParameters({ user_defined_dpi: String(image.dpi) });
    // PGM: tesseract.js reads a BMP four times slower.
    const pgm = Buffer.from(pgmOf(image.gray, image.width, image.height).buffer);
    const { data } = await this.worker.recognize(pgm, {}, { hocr: true, text: false });
    return data.hocr ?? '';
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Starts the recogniser the options ask for. */
export async function startRecogniser(options: OcrOptions): Promise<Recogniser> {
  const engine = await resolveEngine(options.engine);
  if (engine === 'tesseract') {
    const binary = await nativeTesseractPath();
    if (!binary) throw new OcrSetupError('OCR_ENGINE=tesseract but no tesseract binary is on PATH');
    return new NativeTesseract(binary, options);
  }
  return TesseractJs.start(options);
}
