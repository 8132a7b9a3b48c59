/**
 * Checks bench/metrics against the scores opendataloader-bench published: for each engine, every
 * document's NID, TEDS, MHS and overall must match `evaluation.json` within 1e-6.
 *
 *   node dist/bench/verify-metrics.js ../shared/corpus/metric-vectors [--engines docling,markitdown]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreDocument, type DocumentScores } from './metrics/index.js';

const TOLERANCE = 1e-6;
const METRICS = ['nid', 'teds', 'mhs', 'overall'] as const;

interface Evaluation {
  documents: { document_id: string; scores: Record<string, number | null> }[];
}

function parseArgs(argv: string[]): { dir: string; engines: string[] } {
  const enginesAt = argv.indexOf('--engines');
  const engines = enginesAt >= 0 ? argv[enginesAt + 1].split(',') : ['docling', 'markitdown'];
  const dir = argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--engines');
  return { dir: dir ?? '../shared/corpus/metric-vectors', engines };
}

const readOrEmpty = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
const show = (value: number | null) => (value === null ? 'null' : value.toFixed(9));

function agrees(expected: number | null, actual: number | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  return Math.abs(expected - actual) <= TOLERANCE;
}

/** Returns the number of mismatching scores for one engine, printing each. */
function verifyEngine(dir: string, engine: string): number {
  const engineDir = join(dir, 'prediction', engine);
  const evaluation = JSON.parse(readFileSync(join(engineDir, 'evaluation.json'), 'utf8')) as Evaluation;
  const mismatches: Record<string, number> = Object.fromEntries(METRICS.map((m) => [m, 0]));
  const started = performance.now();
  for (const doc of evaluation.documents) {
    const answer = readFileSync(join(dir, 'ground-truth', 'markdown', `${doc.document_id}.md`), 'utf8');
    const output = readOrEmpty(join(engineDir, 'markdown', `${doc.document_id}.md`));
    const actual: DocumentScores = scoreDocument(answer, output);
    for (const metric of METRICS) {
      const expected = doc.scores[metric] ?? null;
      if (agrees(expected, actual[metric])) continue;
      mismatches[metric]++;
      console.log(
        `MISMATCH ${engine} ${doc.document_id} ${metric}: expected ${show(expected)} got ${show(actual[metric])}`,
      );
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const total = Object.values(mismatches).reduce((a, b) => a + b, 0);
  const detail = METRICS.map(
    (m) => `${m} ${evaluation.documents.length - mismatches[m]}/${evaluation.documents.length}`,
  );
  console.log(`${engine}: ${total === 0 ? 'OK' : 'FAIL'}  ${detail.join('  ')}  (${seconds} s)`);
  return total;
}

const { dir, engines } = parseArgs(process.argv.slice(2));
let failures = 0;
for (const engine of engines) failures += verifyEngine(dir, engine);
console.log(failures === 0 ? 'all published scores reproduced' : `${failures} scores differ`);
process.exitCode = failures === 0 ? 0 : 1;
