/**
 * API load benchmark. Starts the api as a child process (`dist/apps/api/src/main.js`, LOG_LEVEL=warn)
 * against a fresh database and queue prefix of its own, seeds 10,000 finished tasks for one guest
 * session, and measures from this process over loopback, in one run:
 *   - requests/s of GET /health and GET /tasks (a page of 50 of the 10,000), each beside a bare Nest
 *     hello-world app on the same adapter (bench/load/hello-app.ts), as ratios;
 *   - POST /tasks of a 5 MB PDF at concurrency 20: errors and the api's peak memory (sampled VmRSS
 *     and the kernel's VmHWM). No worker runs, so the tasks stay QUEUED; the queue is real.
 * Everything it creates (database, Redis keys, temp dirs, processes) is removed at the end.
 *
 *   npm run bench:api [-- --duration 10 --connections 50 --uploads 300 --upload-connections 20]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { redisConnection } from '@papermill/queue';
import { cannon, CannonResult } from './load/cannon.js';
import {
  Cleanup,
  freePort,
  isolatedRun,
  machineSummary,
  mb,
  ratio,
  REDIS_URL,
  withPg,
} from './load/infra.js';
import { paddedDocument } from './load/pdfs.js';
import { httpReady, MemorySampler, NodeChild, procMemory, startNode, waitUntil } from './load/processes.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    seed: { type: 'string', default: '10000' },
    uploads: { type: 'string', default: '300' },
    'upload-connections': { type: 'string', default: '20' },
    'upload-mb': { type: 'string', default: '5' },
  },
});
const num = (value: string, fallback: number) => Math.max(1, Number(value) || fallback);
const DURATION = num(values.duration, 10);
const WARMUP = num(values.warmup, 3);
const CONNECTIONS = num(values.connections, 50);
const SEED_TASKS = num(values.seed, 10_000);
const UPLOADS = num(values.uploads, 300);
const UPLOAD_CONNECTIONS = num(values['upload-connections'], 20);
const UPLOAD_MB = num(values['upload-mb'], 5);
const QUEUE_NAME = 'document_tasks';

const TARGET_LIST_RATIO = 0.5;
const TARGET_UPLOAD_PEAK_MB = 300;

const script = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const log = (line: string) => console.log(line);

/** Warm-up (discarded), then the measured run. */
async function measure(label: string, url: string, headers: Record<string, string> = {}) {
  await cannon({ url, connections: CONNECTIONS, duration: WARMUP, headers });
  const result = await cannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  log(
    `  ${label.padEnd(28)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms` +
      `  non-2xx ${result.non2xx}  errors ${result.errors + result.timeouts}`,
  );
  return result;
}

async function bareApp(cleanup: Cleanup): Promise<CannonResult> {
  const port = await freePort();
  const child = startNode('bare Nest app', script('./load/hello-app.js'), { PORT: String(port) });
  cleanup.add('bare app', () => child.stop());
  const url = `http://127.0.0.1:${port}/health`;
  await waitUntil(child, 'answer on /health', () => httpReady(url));
  const result = await measure('bare Nest app GET /health', url);
  await child.stop();
  return result;
}

/** 10,000 DONE tasks of one guest, newest first one second apart, inserted in one statement. */
async function seedTasks(databaseUrl: string, guestId: string, count: number): Promise<void> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await withPg(databaseUrl, (client) =>
    client.query(
      `INSERT INTO tasks (id, file_name, status, input_path, output_path, owner_guest_id, attempts,
                          page_count, pages_done, created_at, updated_at)
       SELECT id, 'report-' || n || '.pdf', 'DONE', 'uploads/' || id || '/input.pdf',
              'outputs/' || id || '/result.md', $2, 1, 12, 12,
              now() - make_interval(secs => n), now() - make_interval(secs => n)
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [ids, guestId],
    ),
  );
}

interface UploadRun {
  result: CannonResult;
  rssBefore: number;
  hwmBefore: number;
  peaks: ReturnType<MemorySampler['stop']>;
  queuedRows: number;
  waitingJobs: number;
  leftoverTempFiles: number;
}

async function uploads(
  api: NodeChild,
  baseUrl: string,
  databaseUrl: string,
  queuePrefix: string,
  tmp: string,
): Promise<UploadRun> {
  const pdf = await paddedDocument(UPLOAD_MB * 1024 * 1024);
  const guestId = randomBytes(16).toString('base64url');
  const boundary = `----papermill-bench-${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-${UPLOAD_MB}mb.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    ),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  log(`  upload body: ${mb(body.length)} MB multipart (PDF ${mb(pdf.length)} MB), ${UPLOADS} requests`);
  const before = procMemory(api.pid)!;
  const sampler = new MemorySampler(api.pid, { children: false, intervalMs: 100 }).start();
  const result = await cannon({
    url: `${baseUrl}/tasks`,
    method: 'POST',
    connections: UPLOAD_CONNECTIONS,
    amount: UPLOADS,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: `guest_session=${guestId}`,
    },
    body,
    timeout: 60,
  });
  const peaks = sampler.stop();
  const queuedRows = await withPg(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM tasks WHERE owner_guest_id = $1 AND status = 'QUEUED'`,
      [guestId],
    );
    return Number(rows[0].n);
  });
  const queue = new Queue(QUEUE_NAME, { connection: redisConnection(REDIS_URL), prefix: queuePrefix });
  const waitingJobs = (await queue.getJobCounts('waiting')).waiting ?? 0;
  await queue.close();
  const leftoverTempFiles = (await readdir(join(tmp, 'papermill-uploads')).catch(() => [])).length;
  return {
    result,
    rssBefore: before.rss,
    hwmBefore: before.hwm,
    peaks,
    queuedRows,
    waitingJobs,
    leftoverTempFiles,
  };
}

async function main(cleanup: Cleanup): Promise<void> {
  log(`Papermill api benchmark — ${new Date().toISOString()}`);
  log(`machine: ${machineSummary()}`);
  log(
    `load: autocannon in this process over loopback, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s each`,
  );
  log('');

  log('baseline');
  const bare = await bareApp(cleanup);

  const run = await isolatedRun('api', cleanup);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tmp = join(run.dir, 'tmp');
  await mkdir(tmp);
  const api = startNode('api', script('../apps/api/src/main.js'), {
    PORT: String(port),
    DATABASE_URL: run.databaseUrl,
    REDIS_URL,
    QUEUE_NAME,
    QUEUE_PREFIX: run.queuePrefix,
    STORAGE_DRIVER: 'local',
    STORAGE_DIR: join(run.dir, 'storage'),
    PUBLIC_BASE_URL: baseUrl,
    LOG_LEVEL: 'warn',
    MAX_UPLOAD_MB: '100',
    TMPDIR: tmp,
  });
  cleanup.add('api', () => api.stop());
  await waitUntil(api, 'answer on /health', () => httpReady(`${baseUrl}/health`));
  const startup = procMemory(api.pid)!;

  const guestId = randomBytes(16).toString('base64url');
  const seeded = performance.now();
  await seedTasks(run.databaseUrl, guestId, SEED_TASKS);
  const cookie = { cookie: `guest_session=${guestId}` };
  const check = await fetch(`${baseUrl}/tasks?limit=50`, { headers: cookie });
  const page = (await check.json()) as { items?: unknown[]; total?: number };
  if (check.status !== 200 || page.items?.length !== 50 || page.total !== SEED_TASKS) {
    throw new Error(`GET /tasks answered ${check.status} with ${JSON.stringify(page).slice(0, 300)}`);
  }
  log('');
  log(
    `api (pid ${api.pid}, RSS after start ${mb(startup.rss)} MB); seeded ${SEED_TASKS} tasks in ` +
      `${((performance.now() - seeded) / 1000).toFixed(1)} s; GET /tasks returns 50 of total ${page.total}`,
  );
  const health = await measure('api GET /health', `${baseUrl}/health`);
  const list = await measure('api GET /tasks (50 of 10k)', `${baseUrl}/tasks?limit=50`, cookie);
  const afterGets = procMemory(api.pid)!;

  log('');
  log(`POST /tasks at concurrency ${UPLOAD_CONNECTIONS}`);
  const up = await uploads(api, baseUrl, run.databaseUrl, run.queuePrefix, tmp);
  const u = up.result;
  log(
    `  ${u.rps.toFixed(1)} uploads/s (${mb(u.rps * UPLOAD_MB * 1024 * 1024)} MB/s in)  p50 ${u.p50Ms} ms  p99 ${u.p99Ms} ms` +
      `  2xx ${u.ok}  non-2xx ${u.non2xx}  errors ${u.errors}  timeouts ${u.timeouts}  status ${JSON.stringify(u.statusCodes)}`,
  );
  log(
    `  api RSS before ${mb(up.rssBefore)} MB, sampled peak ${mb(up.peaks.peakRoot)} MB (${up.peaks.samples} samples),` +
      ` VmHWM before ${mb(up.hwmBefore)} MB -> after ${mb(up.peaks.rootHwm)} MB`,
  );
  log(
    `  afterwards: ${up.queuedRows} QUEUED rows, ${up.waitingJobs} waiting jobs in Redis, ` +
      `${up.leftoverTempFiles} upload temp files left`,
  );
  await api.stop();

  const uploadPeak = Math.max(up.peaks.peakRoot, up.peaks.rootHwm);
  const listRatio = list.rps / bare.rps;
  const failures =
    u.non2xx + u.errors + u.timeouts + health.non2xx + health.errors + list.non2xx + list.errors;
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  log('');
  log('== summary ==');
  log(`machine           ${machineSummary()}`);
  log(`bare Nest app     ${bare.rps.toFixed(0)} req/s (GET /health, no middleware)`);
  log(`api GET /health   ${health.rps.toFixed(0)} req/s = ${ratio(health.rps, bare.rps)}x bare`);
  log(
    `api GET /tasks    ${list.rps.toFixed(0)} req/s = ${ratio(list.rps, bare.rps)}x bare   ` +
      `target >= ${TARGET_LIST_RATIO}x: ${verdict(listRatio >= TARGET_LIST_RATIO)}`,
  );
  log(
    `api POST /tasks   ${UPLOADS} x ${UPLOAD_MB} MB at c=${UPLOAD_CONNECTIONS}: ${u.rps.toFixed(1)} req/s, ` +
      `peak RSS ${mb(uploadPeak)} MB (RSS after GET runs ${mb(afterGets.rss)} MB)   target < ${TARGET_UPLOAD_PEAK_MB} MB: ` +
      verdict(uploadPeak < TARGET_UPLOAD_PEAK_MB * 1024 * 1024),
  );
  log(
    `error responses   ${failures} (uploads non-2xx ${u.non2xx}, errors ${u.errors + u.timeouts}; GETs ` +
      `non-2xx ${health.non2xx + list.non2xx})   target 0: ${verdict(failures === 0)}`,
  );
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
