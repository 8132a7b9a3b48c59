/**
 * Speed benchmark: Papermill's engine beside @opendocsg/pdf2md (pdf.js based, JS) and poppler's
 * pdftotext (C++, text only), on the same files in one run. Each converter is warmed up once per
 * file, then timed `--repeat` times; the median run divided by the page count gives ms/page.
 *
 *   node dist/bench/speed.js [CORPUS_DIR] [--repeat 5] [--cli-only] [--scanned SCANNED_DIR [--scanned-only]]
 *
 * `papermill ocr off` beside `papermill` (OCR auto) shows what the OCR check costs born-digital
 * pages. With `--scanned` (an image-only corpus, `bench/scanned.js`), each OCR engine found is timed
 * on every page of it as the worker converts it (in a warm sandbox process): seconds per page,
 * rendering, layout and output included, after one warm-up file. `--scanned-only` times that alone.
 *
 * Then the command line's cost per file on the corpus's one-page PDFs (cli-startup.ts); `--cli-only`
 * runs that part alone.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type pdf2mdModule from '@opendocsg/pdf2md';
import { parseConfig } from '@papermill/config';
import { Assets, closeRecognisers, convertPdf, OcrEngineName } from '@papermill/pdf';
import { ConversionPool, OUTPUT_FILES, SandboxLimits } from '@papermill/pdf/sandbox';
import { cliStartupSection } from './cli-startup.js';
import { listPdfs } from './corpus.js';
import { fmt, formatTable } from './table.js';

interface Converter {
  name: string;
  /** Converts the file; gets its own copy of the bytes since pdf.js may detach the buffer. */
  run: (data: Uint8Array, path: string) => Promise<unknown>;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    repeat: { type: 'string', default: '5' },
    'cli-only': { type: 'boolean', default: false },
    scanned: { type: 'string' },
    'scanned-only': { type: 'boolean', default: false },
  },
});
const corpusDir = positionals[0] ?? '../shared/corpus/docling';
const repeat = Math.max(1, Number.parseInt(values.repeat, 10) || 5);
const cliOnly = values['cli-only'];
const scannedOnly = values['scanned-only'] && Boolean(values.scanned);
const execFileAsync = promisify(execFile);
// A CommonJS package whose typings declare an ES default export: require() returns the function.
const pdf2md = createRequire(import.meta.url)('@opendocsg/pdf2md') as typeof pdf2mdModule.default;

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const converters: Converter[] = [
  { name: 'papermill', run: (data) => convertPdf(data) },
  { name: 'papermill text-only', run: (data) => convertPdf(data, { skipFigures: true }) },
  { name: 'papermill ocr off', run: (data) => convertPdf(data, { ocr: { mode: 'off' } }) },
  { name: 'pdf2md', run: (data) => pdf2md(data) },
];
if (hasPdftotext()) {
  // Writes to stdout ('-') so the time is parsing and layout, not disk.
  converters.push({
    name: 'pdftotext',
    run: (_data, path) => execFileAsync('pdftotext', [path, '-'], { maxBuffer: 256 * 1024 * 1024 }),
  });
} else {
  console.log('note: pdftotext not found (apt-get install poppler-utils); skipping it');
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Median wall time of one converter on one file, after one untimed warm-up run. */
async function timeConverter(converter: Converter, bytes: Buffer, path: string): Promise<number | null> {
  const runs: number[] = [];
  try {
    for (let i = 0; i <= repeat; i++) {
      const data = new Uint8Array(bytes);
      const started = performance.now();
      await converter.run(data, path);
      if (i > 0) runs.push(performance.now() - started);
    }
  } catch (err) {
    console.log(
      `note: ${converter.name} failed on ${basename(path)}: ${err instanceof Error ? err.message : err}`,
    );
    return null;
  }
  return median(runs);
}

const files = scannedOnly ? [] : listPdfs(corpusDir);
const perFile: { name: string; pages: number; ms: (number | null)[] }[] = [];
const onePageFiles: string[] = [];
for (const path of files) {
  const bytes = readFileSync(path);
  const pages = await convertPdf(new Uint8Array(bytes)).then(
    (r) => r.pageCount,
    () => 0,
  );
  if (pages === 1) onePageFiles.push(path);
  if (pages === 0 || cliOnly) continue;
  const ms: (number | null)[] = [];
  for (const converter of converters) ms.push(await timeConverter(converter, bytes, path));
  perFile.push({ name: basename(path), pages, ms });
}

if (!cliOnly && !scannedOnly) {
  const perPage = (ms: number | null, pages: number) => (ms === null ? null : ms / pages);
  console.log(
    formatTable(
      ['file', 'pages', ...converters.map((c) => `${c.name} ms/page`)],
      perFile.map((f) => [f.name, String(f.pages), ...f.ms.map((ms) => fmt(perPage(ms, f.pages), 1))]),
    ),
  );

  // Per converter: median over files of ms/page, and total ms over total pages (files all converted).
  const baseline = converters.findIndex((c) => c.name === 'pdf2md');
  const summary = converters.map((_, c) => {
    const ok = perFile.filter((f) => f.ms[c] !== null);
    const totalMs = ok.reduce((s, f) => s + f.ms[c]!, 0);
    const totalPages = ok.reduce((s, f) => s + f.pages, 0);
    return {
      median: ok.length ? median(ok.map((f) => f.ms[c]! / f.pages)) : null,
      overall: totalPages ? totalMs / totalPages : null,
    };
  });
  console.log();
  console.log(
    `${perFile.length} files, ${perFile.reduce((s, f) => s + f.pages, 0)} pages, median of ${repeat} runs after a warm-up`,
  );
  const ratio = (a: number | null, b: number | null) =>
    a === null || b === null ? '-' : `${(a / b).toFixed(2)}x`;
  console.log(
    formatTable(
      ['converter', 'median ms/page', 'time vs pdf2md', 'total ms/page', 'time vs pdf2md'],
      converters.map((c, i) => [
        c.name,
        fmt(summary[i].median, 1),
        ratio(summary[i].median, summary[baseline].median),
        fmt(summary[i].overall, 1),
        ratio(summary[i].overall, summary[baseline].overall),
      ]),
    ),
  );
}

if (!scannedOnly) await cliStartupSection(onePageFiles, repeat);

if (values.scanned) await timeOcr(values.scanned);
await closeRecognisers();

/**
 * Seconds per page of each OCR engine on an image-only corpus, as the worker converts: in a warm
 * conversion process of the sandbox pool (one run per file, after a warm-up that starts the
 * recogniser), rendering, layout, figures and writing the output included.
 */
async function timeOcr(dir: string): Promise<void> {
  const engines: OcrEngineName[] = ['tesseract.js'];
  if (hasTesseract()) engines.unshift('tesseract');
  else
    console.log('note: tesseract binary not found (apt-get install tesseract-ocr); timing tesseract.js only');
  const defaults = parseConfig({});
  const limits: SandboxLimits = {
    timeoutSeconds: defaults.CONVERSION_TIMEOUT_SECONDS,
    pageTimeoutSeconds: defaults.PAGE_TIMEOUT_SECONDS,
    memoryMb: defaults.CONVERSION_MEMORY_MB,
    maxPages: defaults.MAX_PAGES,
  };
  const scans = listPdfs(dir);
  const outDir = mkdtempSync(join(tmpdir(), 'papermill-speed-'));
  const seconds = new Map<string, number[]>();
  const pages = new Map<string, number>();
  const totals = engines.map(() => ({ ms: 0, pages: 0, ocrPages: 0 }));
  try {
    for (const [i, engine] of engines.entries()) {
      const pool = new ConversionPool({ size: 1, ocr: { mode: 'auto', engine } });
      try {
        await pool.convert(scans[0], outDir, limits); // starts the process and its recogniser
        for (const path of scans) {
          const started = performance.now();
          const result = await pool.convert(path, outDir, limits);
          const ms = performance.now() - started;
          const assets = JSON.parse(readFileSync(join(outDir, OUTPUT_FILES.assets), 'utf8')) as Assets;
          totals[i].ms += ms;
          totals[i].pages += result.pageCount;
          totals[i].ocrPages += assets.pages.ocr.length;
          pages.set(path, result.pageCount);
          seconds.set(path, [...(seconds.get(path) ?? []), ms / 1000 / result.pageCount]);
        }
      } finally {
        pool.close();
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log();
  console.log(
    formatTable(
      ['scanned file', 'pages', ...engines.map((e) => `${e} s/page`)],
      scans.map((p) => [basename(p), String(pages.get(p)), ...seconds.get(p)!.map((x) => fmt(x, 2))]),
    ),
  );
  console.log(
    formatTable(
      ['engine', 'pages', 'pages recognised', 's/page'],
      engines.map((e, i) => [
        e,
        String(totals[i].pages),
        String(totals[i].ocrPages),
        fmt(totals[i].ms / 1000 / totals[i].pages, 2),
      ]),
    ),
  );
}

function hasTesseract(): boolean {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
