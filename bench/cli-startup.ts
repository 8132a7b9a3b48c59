/**
 * What the command line costs per file on one-page PDFs, where start-up is most of the time: the
 * batch CLI over N files beside one CLI process per file, and one file's wall time beside importing
 * pdf.js alone (the floor of any process that converts with it).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, cpuSecondsWithChildren, machineBusySeconds } from './load/processes.js';
import { fmt, formatTable } from './table.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin/papermill.js');
/** How the engine loads pdf.js (libs/pdf/src/pdfjs.ts). */
const IMPORT_PDFJS = "await import('pdfjs-dist/legacy/build/pdf.mjs')";
/** Single-file wall time at most this many times the pdf.js import. */
const TARGET_RATIO = 2;

interface Cost {
  wallMs: number;
  /** CPU of the process and of its children (conversion processes), which a busy machine skews less. */
  cpuMs: number;
}

/** CPU milliseconds of the children this process has waited for (their own children included). */
const childrenCpuMs = () => (cpuSecondsWithChildren(process.pid) - cpuSeconds(process.pid)) * 1000;

/** Wall and CPU milliseconds of `node ARGS` run from the repository root; throws if it exits non-zero. */
function timeNode(args: string[]): Promise<Cost> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - started;
      if (code === 0) resolve({ wallMs, cpuMs: childrenCpuMs() - cpuBefore });
      else reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.trim()}`));
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Runs each measure once per round, interleaved, so a change in the machine's load hits them all alike. */
async function interleaved(rounds: number, measures: (() => Promise<Cost>)[]): Promise<Cost[]> {
  const runs = measures.map(() => [] as Cost[]);
  for (const measure of measures) await measure(); // warm the file cache
  for (let round = 0; round < rounds; round++) {
    for (const [i, measure] of measures.entries()) runs[i].push(await measure());
  }
  return runs.map((costs) => ({
    wallMs: median(costs.map((cost) => cost.wallMs)),
    cpuMs: median(costs.map((cost) => cost.cpuMs)),
  }));
}

export async function cliStartupSection(onePageFiles: string[], repeat: number): Promise<void> {
  console.log();
  if (onePageFiles.length === 0) {
    console.log('CLI per-file cost: no one-page PDF in the corpus; skipped');
    return;
  }
  const out = await mkdtemp(join(tmpdir(), 'papermill-bench-cli-'));
  const busyBefore = machineBusySeconds();
  const wallBefore = performance.now();
  try {
    const n = onePageFiles.length;
    const cores = availableParallelism();
    const perProcess = async (): Promise<Cost> => {
      const total = { wallMs: 0, cpuMs: 0 };
      for (const [i, file] of onePageFiles.entries()) {
        const cost = await timeNode([CLI, 'convert', file, '--out', join(out, 'single', String(i))]);
        total.wallMs += cost.wallMs;
        total.cpuMs += cost.cpuMs;
      }
      return total;
    };
    const batch = (jobs: number) => () =>
      timeNode([
        CLI,
        'convert',
        ...onePageFiles,
        '--out',
        join(out, `batch-${jobs}`),
        '--jobs',
        String(jobs),
      ]);
    const rounds = Math.max(1, Math.min(repeat, 3));
    const [perFileRuns, batchOne, batchAll] = await interleaved(rounds, [perProcess, batch(1), batch(cores)]);
    console.log(
      `CLI per-file cost on ${n} one-page PDFs (${onePageFiles.map((f) => basename(f)).join(', ')}), ` +
        `median of ${rounds} runs`,
    );
    const row = (name: string, cost: Cost) => [
      name,
      fmt(cost.wallMs, 0),
      fmt(cost.wallMs / n, 1),
      `${(perFileRuns.wallMs / cost.wallMs).toFixed(2)}x`,
      fmt(cost.cpuMs / n, 1),
      `${(perFileRuns.cpuMs / cost.cpuMs).toFixed(2)}x`,
    ];
    console.log(
      formatTable(
        ['run', 'wall ms', 'ms/file', 'vs a process per file', 'CPU ms/file', 'vs a process per file'],
        [
          row(`one CLI process per file (${n} runs)`, perFileRuns),
          row('one batch CLI run, --jobs 1', batchOne),
          row(`one batch CLI run, --jobs ${cores}`, batchAll),
        ],
      ),
    );

    const file = onePageFiles[0];
    const [cli, pdfjs, node] = await interleaved(Math.max(5, repeat), [
      () => timeNode([CLI, 'convert', file, '--out', join(out, 'one')]),
      () => timeNode(['--input-type=module', '-e', IMPORT_PDFJS]),
      () => timeNode(['-e', '0']),
    ]);
    const singleRounds = Math.max(5, repeat);
    const ratio = cli.wallMs / pdfjs.wallMs;
    console.log();
    console.log(
      formatTable(
        [`single file (${basename(file)})`, 'wall ms', 'vs pdf.js import', 'CPU ms', 'vs pdf.js import'],
        (
          [
            ['papermill convert FILE --out DIR', cli],
            ['importing pdf.js alone (node -e)', pdfjs],
            ['node alone (node -e 0)', node],
          ] as const
        ).map(([name, cost]) => [
          name,
          fmt(cost.wallMs, 0),
          `${(cost.wallMs / pdfjs.wallMs).toFixed(2)}x`,
          fmt(cost.cpuMs, 0),
          `${(cost.cpuMs / pdfjs.cpuMs).toFixed(2)}x`,
        ]),
      ),
    );
    console.log(
      `single-file wall time ${ratio.toFixed(2)}x the pdf.js import ` +
        `(target <= ${TARGET_RATIO.toFixed(1)}x: ${ratio <= TARGET_RATIO ? 'met' : 'not met'}), median of ${singleRounds} runs`,
    );
  } finally {
    const seconds = (performance.now() - wallBefore) / 1000;
    // Our own runs keep about one core busy; the rest is other processes (a shared machine skews wall times).
    const busyCores = (machineBusySeconds() - busyBefore) / seconds;
    console.log(`the machine's cores were ${busyCores.toFixed(2)} busy on average meanwhile (ours included)`);
    await rm(out, { recursive: true, force: true });
  }
}
