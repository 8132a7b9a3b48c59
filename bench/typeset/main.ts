/**
 * Typeset corpus: documents generated from a seeded model, each written as its exact Markdown
 * answer and typeset by a real engine (pdflatex, headless Chromium, LibreOffice), with a manifest.
 *
 *   node dist/bench/typeset/main.js OUT_DIR [--jobs 2] [--keep-work] [--only NAME_PART]
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { writeAnswer } from './answer.js';
import { chromiumPrint, pandoc, pdflatex, sofficeConvert } from './engines.js';
import { documentFeatures } from './features.js';
import { generateDocument, type GeneratedDocument } from './generate.js';
import { renderHtml } from './html.js';
import { renderLatex } from './latex.js';
import { buildManifest } from './manifest.js';
import { renderPandocMarkdown } from './pandoc.js';
import { planCorpus, type PlannedDocument } from './plan.js';
import { rasterPng } from './raster.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    jobs: { type: 'string', default: '2' },
    'keep-work': { type: 'boolean', default: false },
    // Typeset only the documents whose name contains this (for trying a layout); the manifest lists those.
    only: { type: 'string' },
  },
});
const outDir = positionals[0];
if (!outDir) {
  console.error('usage: corpus:typeset -- OUT_DIR [--jobs N] [--keep-work]');
  process.exit(2);
}
const jobs = Math.max(1, Number.parseInt(values.jobs!, 10) || 2);

async function prepare(doc: PlannedDocument, generated: GeneratedDocument, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const raster of generated.rasters) writeFileSync(join(dir, raster.file), await rasterPng(raster.seed));
  const { model } = generated;
  if (doc.family === 'latex') writeFileSync(join(dir, 'doc.tex'), renderLatex(model, doc.style));
  else if (doc.family === 'chromium') {
    const source = (file: string) =>
      doc.style.dataUris ? `data:image/png;base64,${readFileSync(join(dir, file)).toString('base64')}` : file;
    writeFileSync(join(dir, 'doc.html'), renderHtml(model, doc.style, source));
  } else writeFileSync(join(dir, 'doc.md'), renderPandocMarkdown(model));
}

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'papermill-typeset-'));
mkdirSync(outDir, { recursive: true });
const limit = pLimit(jobs);
const plan = planCorpus().filter((doc) => !values.only || doc.name.includes(values.only));
const generated = new Map(plan.map((doc) => [doc.name, generateDocument(doc.options)]));
const failures: string[] = [];
const typeset = new Set<string>();

await Promise.all(
  plan.map((doc) =>
    limit(async () => {
      const dir = join(work, doc.name);
      const gen = generated.get(doc.name)!;
      await prepare(doc, gen, dir);
      try {
        if (doc.family === 'latex') copyFileSync(await pdflatex(dir), join(outDir, `${doc.name}.pdf`));
        else if (doc.family === 'chromium')
          copyFileSync(await chromiumPrint(dir), join(outDir, `${doc.name}.pdf`));
        else await pandoc(dir, doc.name, doc.format);
        if (doc.family !== 'libreoffice') typeset.add(doc.name);
      } catch (err) {
        failures.push(`${doc.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }),
  ),
);

// LibreOffice starts slowly: one start per batch, as many batches as jobs, each with its own profile.
const office = plan.filter(
  (d): d is PlannedDocument & { family: 'libreoffice' } =>
    d.family === 'libreoffice' && !failures.some((f) => f.startsWith(`${d.name}:`)),
);
const batches = Array.from({ length: jobs }, (_, b) => office.filter((_, i) => i % jobs === b)).filter(
  (b) => b.length,
);
await Promise.all(
  batches.map((batch, b) =>
    limit(async () => {
      const files = batch.map((d) => join(work, d.name, `${d.name}.${d.format}`));
      try {
        await sofficeConvert(files, join(work, `office-out-${b}`), join(work, `office-profile-${b}`));
      } catch (err) {
        failures.push(`libreoffice batch ${b}: ${err instanceof Error ? err.message : String(err)}`);
      }
      for (const d of batch) {
        try {
          copyFileSync(join(work, `office-out-${b}`, `${d.name}.pdf`), join(outDir, `${d.name}.pdf`));
          typeset.add(d.name);
        } catch {
          failures.push(`${d.name}: LibreOffice wrote no PDF`);
        }
      }
    }),
  ),
);

// Answers and manifest only for documents that were typeset, so the folder never holds an answer without its PDF.
const entries = plan.filter((doc) => typeset.has(doc.name));
for (const doc of entries)
  writeFileSync(join(outDir, `${doc.name}.md`), writeAnswer(generated.get(doc.name)!.model));
const manifest = buildManifest(entries, (doc) => {
  const model = generated.get(doc.name)!.model;
  const twoColumn = doc.layout === 'conference' || doc.layout === 'serif-columns';
  return { model, features: documentFeatures(model, twoColumn) };
});
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
if (!values['keep-work']) rmSync(work, { recursive: true, force: true });

const seconds = (performance.now() - started) / 1000;
const byFamily = (family: string) => entries.filter((d) => d.family === family).length;
console.log(
  `typeset ${entries.length}/${plan.length} documents (latex ${byFamily('latex')}, chromium ${byFamily('chromium')}, ` +
    `libreoffice ${byFamily('libreoffice')}) into ${outDir} in ${seconds.toFixed(1)} s with ${jobs} jobs` +
    (values['keep-work'] ? `; work files in ${work}` : ''),
);
for (const failure of failures) console.error(`failed ${failure}`);
if (failures.length) process.exitCode = 1;
