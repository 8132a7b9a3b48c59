/**
 * Worker throughput and memory benchmark. Runs the worker as a child process
 * (`dist/apps/worker/src/main.js`) against a fresh database, queue prefix and local storage dir of
 * its own; tasks are inserted as rows plus stored inputs and enqueued through `DocumentQueue`, as the
 * api would. Measures, in one run:
 *   - pages/s converting `--docs` copies of a `--pages`-page generated PDF with WORKER_CONCURRENCY=1
 *     and 2 (from enqueue to all DONE), and the ratio;
 *   - peak memory (sum of VmRSS of the worker and its conversion children, sampled every 100 ms)
 *     while converting one `--big-pages`-page generated PDF.
 *
 *   npm run bench:worker [-- --docs 16 --pages 30 --big-pages 500]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { DocumentQueue, redisConnection } from '@papermill/queue';
import { taskKeys } from '@papermill/storage';
import { Cleanup, isolatedRun, machineSummary, mb, ratio, REDIS_URL, sleep, withPg } from './load/infra.js';
import { textDocument } from './load/pdfs.js';
import {
  cpuSecondsWithChildren,
  descendants,
  machineBusySeconds,
  cpuSeconds,
  MemoryPeaks,
  MemorySampler,
  NodeChild,
  startNode,
  waitUntil,
} from './load/processes.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '16' },
    pages: { type: 'string', default: '30' },
    'big-pages': { type: 'string', default: '500' },
  },
});
const num = (value: string, fallback: number) => Math.max(1, Number(value) || fallback);
const DOCS = num(values.docs, 16);
const PAGES = num(values.pages, 30);
const BIG_PAGES = num(values['big-pages'], 500);
const QUEUE_NAME = 'document_tasks';
const TARGET_SCALING = 1.7;
const TARGET_PEAK_MB = 500;

const log = (line: string) => console.log(line);
const workerScript = fileURLToPath(new URL('../apps/worker/src/main.js', import.meta.url));
type Run = Awaited<ReturnType<typeof isolatedRun>>;

interface Batch {
  seconds: number;
  pages: number;
  failed: number;
  memory: MemoryPeaks;
  /** CPU seconds of the worker and its conversion children. */
  cpu: number;
  /** CPU seconds of the worker's own process (queue, database, storage, IPC), part of `cpu`. */
  workerOwnCpu: number;
  /** Cores other processes of the machine kept busy meanwhile (a shared machine skews pages/s). */
  othersCores: number;
}

/** CPU of the worker and its children, exited (reaped) and still running. */
const workerCpu = (pid: number) =>
  cpuSecondsWithChildren(pid) + descendants(pid).reduce((sum, child) => sum + cpuSeconds(child), 0);

class Bench {
  private readonly queue: Queue;
  private readonly documents: DocumentQueue;
  private readonly guestId = randomBytes(16).toString('base64url');

  constructor(
    private readonly run: Run,
    private readonly cleanup: Cleanup,
  ) {
    this.queue = new Queue(QUEUE_NAME, { connection: redisConnection(REDIS_URL), prefix: run.queuePrefix });
    this.documents = new DocumentQueue(this.queue);
    cleanup.add('queue connection', () => this.queue.close());
  }

  get storageDir(): string {
    return join(this.run.dir, 'storage');
  }

  async startWorker(concurrency: number): Promise<NodeChild> {
    const tmp = join(this.run.dir, 'tmp');
    await mkdir(tmp, { recursive: true });
    const worker = startNode(`worker c=${concurrency}`, workerScript, {
      DATABASE_URL: this.run.databaseUrl,
      REDIS_URL,
      QUEUE_NAME,
      QUEUE_PREFIX: this.run.queuePrefix,
      STORAGE_DRIVER: 'local',
      STORAGE_DIR: this.storageDir,
      WORKER_CONCURRENCY: String(concurrency),
      LOG_LEVEL: 'warn',
      TMPDIR: tmp,
    });
    this.cleanup.add(worker.name, () => worker.stop());
    // Ready when its migrations have run and its BullMQ worker is registered in Redis.
    await waitUntil(
      worker,
      'worker registered on the queue',
      async () => (await this.queue.getWorkersCount()) > 0,
    );
    return worker;
  }

  /** Stores the inputs and inserts QUEUED rows, as `POST /tasks` would before enqueueing. */
  async prepare(pdf: Buffer, count: number, name: string): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const id of ids) {
      const path = join(this.storageDir, taskKeys(id).input);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, pdf);
    }
    await withPg(this.run.databaseUrl, (client) =>
      client.query(
        `INSERT INTO tasks (id, file_name, status, input_path, owner_guest_id)
         SELECT id, $2, 'QUEUED', 'uploads/' || id || '/input.pdf', $3 FROM unnest($1::uuid[]) AS t(id)`,
        [ids, name, this.guestId],
      ),
    );
    return ids;
  }

  /** Enqueues the tasks and waits until none is in flight; timed from the first enqueue. */
  async convert(worker: NodeChild, ids: string[], timeoutMs: number): Promise<Batch> {
    const sampler = new MemorySampler(worker.pid, { children: true, intervalMs: 100 }).start();
    const started = performance.now();
    const cpuBefore = workerCpu(worker.pid);
    const ownBefore = cpuSeconds(worker.pid);
    const machineBefore = machineBusySeconds();
    const benchBefore = process.cpuUsage();
    for (const id of ids) await this.documents.enqueueConversion(id);
    const deadline = Date.now() + timeoutMs;
    try {
      for (;;) {
        const rows = await withPg(this.run.databaseUrl, async (client) => {
          const { rows } = await client.query<{ status: string; pages: string; n: string }>(
            `SELECT status, coalesce(sum(page_count), 0) AS pages, count(*) AS n FROM tasks
             WHERE id = ANY($1::uuid[]) GROUP BY status`,
            [ids],
          );
          return rows;
        });
        const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
        if (count('DONE') + count('FAILED') === ids.length) {
          const seconds = (performance.now() - started) / 1000;
          const pages = Number(rows.find((r) => r.status === 'DONE')?.pages ?? 0);
          const cpu = workerCpu(worker.pid) - cpuBefore;
          const workerOwnCpu = cpuSeconds(worker.pid) - ownBefore;
          const bench = process.cpuUsage(benchBefore);
          const others = machineBusySeconds() - machineBefore - cpu - (bench.user + bench.system) / 1e6;
          const othersCores = Math.max(0, others) / seconds;
          return {
            seconds,
            pages,
            failed: count('FAILED'),
            memory: sampler.stop(),
            cpu,
            workerOwnCpu,
            othersCores,
          };
        }
        if (worker.exited()) throw new Error(`${worker.name} exited:\n${worker.output()}`);
        if (Date.now() > deadline) throw new Error(`conversions not finished after ${timeoutMs} ms`);
        await sleep(50);
      }
    } finally {
      sampler.stop();
    }
  }

  async failures(ids: string[]): Promise<string[]> {
    return withPg(this.run.databaseUrl, async (client) => {
      const { rows } = await client.query<{ error_message: string }>(
        `SELECT DISTINCT error_message FROM tasks WHERE id = ANY($1::uuid[]) AND status = 'FAILED'`,
        [ids],
      );
      return rows.map((r) => r.error_message);
    });
  }
}

const memoryLine = (m: MemoryPeaks) =>
  `peak worker+children ${mb(m.peakTotal)} MB (worker ${mb(m.peakRoot)} MB, children ${mb(m.peakChildren)} MB, ` +
  `largest child VmHWM ${mb(m.peakChildHwm)} MB, ${m.childrenSeen} children, ${m.samples} samples)`;

const cpuLine = (b: Batch) =>
  `CPU ${((b.cpu / b.pages) * 1000).toFixed(1)} ms/page ` +
  `(worker process ${((b.workerOwnCpu / b.pages) * 1000).toFixed(1)}), ${(b.cpu / b.seconds).toFixed(2)} cores busy ` +
  `(other processes ${b.othersCores.toFixed(2)} cores)`;

async function throughput(bench: Bench, pdf: Buffer, concurrency: number): Promise<Batch> {
  const worker = await bench.startWorker(concurrency);
  // Untimed conversions first, one per concurrent slot: the worker's start-up, each conversion
  // process's start (a fork plus loading pdf.js) and its first, unoptimised run stay out of the figure.
  await bench.convert(worker, await bench.prepare(pdf, concurrency, 'warm-up.pdf'), 120_000);
  const ids = await bench.prepare(pdf, DOCS, `doc-${PAGES}p.pdf`);
  const batch = await bench.convert(worker, ids, 600_000);
  await worker.stop();
  if (batch.failed) log(`  ! ${batch.failed} FAILED: ${(await bench.failures(ids)).join('; ')}`);
  log(
    `  WORKER_CONCURRENCY=${concurrency}: ${DOCS} x ${PAGES} pages in ${batch.seconds.toFixed(2)} s = ` +
      `${(batch.pages / batch.seconds).toFixed(1)} pages/s; ${cpuLine(batch)}; ${memoryLine(batch.memory)}`,
  );
  return batch;
}

async function main(cleanup: Cleanup): Promise<void> {
  log(`Papermill worker benchmark — ${new Date().toISOString()}`);
  log(`machine: ${machineSummary()}`);
  const run = await isolatedRun('worker', cleanup);
  const bench = new Bench(run, cleanup);

  const generated = performance.now();
  const doc = await textDocument(PAGES);
  const big = await textDocument(BIG_PAGES);
  log(
    `generated: ${PAGES}-page PDF (${mb(doc.length)} MB) and ${BIG_PAGES}-page PDF (${mb(big.length)} MB), ` +
      `text with a figure every 5th page, in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
  );
  log('');
  log(`throughput: ${DOCS} documents enqueued at once, timed from enqueue to all DONE`);
  const one = await throughput(bench, doc, 1);
  const two = await throughput(bench, doc, 2);

  log('');
  log(`memory: one ${BIG_PAGES}-page document, WORKER_CONCURRENCY=1`);
  const worker = await bench.startWorker(1);
  const bigIds = await bench.prepare(big, 1, `doc-${BIG_PAGES}p.pdf`);
  const bigRun = await bench.convert(worker, bigIds, 900_000);
  await worker.stop();
  if (bigRun.failed) log(`  ! FAILED: ${(await bench.failures(bigIds)).join('; ')}`);
  log(
    `  ${bigRun.pages} pages in ${bigRun.seconds.toFixed(1)} s (${(bigRun.pages / bigRun.seconds).toFixed(1)} pages/s); ` +
      `${cpuLine(bigRun)}; ${memoryLine(bigRun.memory)}`,
  );

  const rate = (b: Batch) => b.pages / b.seconds;
  const scaling = rate(two) / rate(one);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const cores = availableParallelism();
  log('');
  log('== summary ==');
  log(`machine              ${machineSummary()}`);
  for (const [c, b] of [
    [1, one],
    [2, two],
  ] as const) {
    log(`concurrency ${c}        ${rate(b).toFixed(1)} pages/s (${b.seconds.toFixed(2)} s); ${cpuLine(b)}`);
  }
  log(
    `fixed cost/document  ~${((one.cpu / one.pages - bigRun.cpu / bigRun.pages) * PAGES).toFixed(2)} CPU s ` +
      `(CPU/page of ${PAGES}-page documents minus that of the ${BIG_PAGES}-page one, times ${PAGES})`,
  );
  log(
    `scaling 2 vs 1       ${ratio(rate(two), rate(one))}x   target >= ${TARGET_SCALING}x on two cores` +
      (cores < 2 ? ' (n/a: fewer than 2 cores)' : `: ${verdict(scaling >= TARGET_SCALING)}`),
  );
  // One conversion already keeps more than a core busy (V8's GC threads, PNG encoding overlapped with
  // page reading), so a second one can add at most what is left of the machine.
  const busyAtOne = (one.cpu + one.othersCores * one.seconds) / one.seconds;
  log(
    `  ceiling            ${(Math.min(2, cores) / Math.max(1, busyAtOne)).toFixed(2)}x: ${Math.min(2, cores)} cores / ` +
      `${busyAtOne.toFixed(2)} cores busy at concurrency 1 (worker, its conversion process and other processes)`,
  );
  log(
    `${BIG_PAGES}-page memory     ${mb(bigRun.memory.peakTotal)} MB peak (worker + conversion children)   ` +
      `target < ${TARGET_PEAK_MB} MB: ${verdict(bigRun.memory.peakTotal < TARGET_PEAK_MB * 1024 * 1024)}`,
  );
  const failed = one.failed + two.failed + bigRun.failed;
  log(`failed conversions   ${failed}   target 0: ${verdict(failed === 0)}`);
}

const cleanup = new Cleanup();
try {
  await main(cleanup);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanup.run();
}
