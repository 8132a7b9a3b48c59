/**
 * Quality benchmark: converts every PDF of a corpus folder that has a Markdown answer and scores the
 * output with opendataloader-bench's metrics (NID, TEDS, MHS; see bench/metrics) plus figure recall
 * and precision against the answer's pictures, and heading-level accuracy (expected headings found
 * as headings of the same level). When the folder has a manifest.json (the typeset corpus), it also
 * prints tables per family, layout and feature (see manifest-report.ts).
 *
 *   node dist/bench/quality.js [CORPUS_DIR] [--ignore-pictures] [--out DIR] [--ocr-languages eng+kor]
 *     [--ocr-engine auto|tesseract|tesseract.js]
 *
 * `--ocr-languages` is `OCR_LANGUAGES` for scanned pages (native tesseract's installed data, or
 * `OCR_DATA_DIR` for tesseract.js); `--ocr-engine` is `OCR_ENGINE`, to score each engine's reading.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { convertPdf, OCR_ENGINE_CHOICES, type OcrEngineChoice, type OcrOptions } from '@papermill/pdf';
import { listDocuments, type CorpusDocument } from './corpus.js';
import { MIN_IOU, MIN_PICTURE_SIDE_PT, scoreFigures } from './figures.js';
import { printManifestReport, readManifest } from './manifest-report.js';
import { mean, scoreDocument, type DocumentScores } from './metrics/index.js';
import { pooled, scoreStructure, share, type StructureScores } from './metrics/structure.js';
import { fmt, formatTable } from './table.js';

interface DocumentResult extends DocumentScores {
  name: string;
  pages: number;
  seconds: number;
  /** Expected pictures, found figures and matches; null when the answer has no picture geometry. */
  figures: { expected: number; found: number; matched: number } | null;
  /** Heading levels, list items, code lines and pictures found (on the raw output). */
  structure: StructureScores;
  error?: string;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'ignore-pictures': { type: 'boolean', default: false },
    out: { type: 'string' },
    'ocr-languages': { type: 'string', default: 'eng' },
    'ocr-engine': { type: 'string', default: 'auto' },
  },
});
function ocrEngineOf(value: string): OcrEngineChoice {
  const engines: readonly string[] = OCR_ENGINE_CHOICES;
  if (!engines.includes(value)) throw new Error(`--ocr-engine must be one of ${engines.join(', ')}`);
  return value as OcrEngineChoice;
}

const corpusDir = positionals[0] ?? '../shared/corpus/docling';
const ignorePictures = values['ignore-pictures'];
const ocr: OcrOptions = {
  mode: 'auto',
  engine: ocrEngineOf(values['ocr-engine']),
  languages: values['ocr-languages'].split(/[+,]/),
  dataDir: process.env.OCR_DATA_DIR || undefined,
};

async function evaluate(doc: CorpusDocument): Promise<DocumentResult> {
  const data = new Uint8Array(readFileSync(doc.pdfPath));
  const started = performance.now();
  let markdown = '';
  let pages = 0;
  let found: { page: number; box: [number, number, number, number] }[] = [];
  let error: string | undefined;
  try {
    const result = await convertPdf(data, { ocr });
    markdown = result.markdown;
    pages = result.pageCount;
    found = result.figures.map((f) => ({ page: f.page, box: f.bbox }));
  } catch (err) {
    // A failed conversion scores as empty output rather than stopping the run.
    error = err instanceof Error ? err.message : String(err);
  }
  const seconds = (performance.now() - started) / 1000;
  if (values.out) writeFileSync(join(values.out, `${doc.name}.md`), markdown);
  const figures = doc.pictures && scoreFigures(doc.pictures, found);
  return {
    name: doc.name,
    pages,
    seconds,
    figures,
    error,
    structure: scoreStructure(doc.answer, markdown),
    ...scoreDocument(doc.answer, markdown, { ignorePictures }),
  };
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function printReport(results: DocumentResult[]): void {
  const rows = results.map((r) => [
    r.name,
    String(r.pages),
    fmt(r.nid),
    fmt(r.teds),
    fmt(r.mhs),
    fmt(r.overall),
    r.figures ? `${r.figures.matched}/${r.figures.expected}` : '-',
    r.figures ? String(r.figures.found) : '-',
    r.pages > 0 ? (r.seconds / r.pages).toFixed(3) : '-',
    fmt(share(r.structure.levels)),
  ]);
  console.log(
    formatTable(
      ['document', 'pages', 'NID', 'TEDS', 'MHS', 'overall', 'figs', 'found', 's/page', 'levels'],
      rows,
    ),
  );
  for (const r of results.filter((r) => r.error)) console.log(`error ${r.name}: ${r.error}`);

  // Scores: mean over documents where they apply. Figures: pooled over documents with geometry.
  const pick = (key: 'nid' | 'teds' | 'mhs' | 'overall') => mean(results.map((r) => r[key]));
  const withFigures = results.flatMap((r) => (r.figures ? [r.figures] : []));
  const sum = (key: 'expected' | 'found' | 'matched') => withFigures.reduce((s, f) => s + f[key], 0);
  const pages = results.reduce((s, r) => s + r.pages, 0);
  const seconds = results.reduce((s, r) => s + r.seconds, 0);
  console.log();
  const levels = pooled(results.map((r) => r.structure.levels));
  console.log(
    `overall ${fmt(pick('overall'))}  NID ${fmt(pick('nid'))}  TEDS ${fmt(pick('teds'))}  MHS ${fmt(pick('mhs'))}` +
      `  levels ${fmt(share(levels))} (${levels?.found ?? 0}/${levels?.expected ?? 0} headings at their level)`,
  );
  console.log(
    `figures recall ${fmt(ratio(sum('matched'), sum('expected')))} (${sum('matched')}/${sum('expected')})  ` +
      `precision ${fmt(ratio(sum('matched'), sum('found')))} (${sum('matched')}/${sum('found')})  ` +
      `[same page, IoU >= ${MIN_IOU}, sides >= ${MIN_PICTURE_SIDE_PT} pt; ${withFigures.length} documents with picture geometry]`,
  );
  console.log(`speed ${fmt(ratio(seconds, pages))} s/page  (${pages} pages in ${seconds.toFixed(1)} s)`);
  console.log(
    `documents ${results.length}  ignore-pictures ${ignorePictures ? 'yes' : 'no'}  ` +
      `OCR languages ${ocr.languages!.join('+')}  OCR engine ${ocr.engine}  corpus ${corpusDir}`,
  );
}

const documents = await listDocuments(corpusDir);
if (documents.length === 0) {
  console.error(
    `No <name>.pdf with a <name>.md answer, nor <case>/input.pdf with expected.json, in ${corpusDir}`,
  );
  process.exit(1);
}
if (values.out) mkdirSync(values.out, { recursive: true });
// Untimed first conversion so loading pdf.js is not billed to the first document.
await convertPdf(new Uint8Array(readFileSync(documents[0].pdfPath))).catch(() => undefined);
const results: DocumentResult[] = [];
for (const doc of documents) results.push(await evaluate(doc));
printReport(results);
const manifest = readManifest(corpusDir);
if (manifest) printManifestReport(manifest, results);
