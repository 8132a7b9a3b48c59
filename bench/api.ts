/**
 * API load benchmark. Starts the api as a child process (`dist/apps/api/src/main.js`, LOG_LEVEL=warn)
 * against a fresh database and queue prefix of its own, seeds 10,000 finished tasks for one guest
 * session, and measures from this process over loopback, in one run:
 *   - requests/s of GET /health and GET /tasks (a page of 50 of the 10,000) beside a bare Nest
 *     hello-world app on the same adapter (bench/load/hello-app.ts), in interleaved rounds, as ratios;
 *     and beside the same bare app sending the api's page of 50 as a constant, which splits what
 *     sending that body costs (JSON, the socket, the load generator reading it) from producing it;
 *     with the CPU each request costs in the server and in Postgres (from /proc), and the CPU other
 *     processes on the machine took meanwhile (a shared machine skews requests/s, not CPU per request);
 *   - POST /tasks of a 5 MB PDF at concurrency 20 on a freshly started api: errors, and its peak
 *     memory (VmRSS sampled every 100 ms, and the kernel's VmHWM). No worker runs, so the tasks stay
 *     QUEUED; the queue is real and checked afterwards.
 * Everything it creates (database, Redis keys, temp dirs, processes) is removed at the end.
 *
 *   npm run bench:api [-- --duration 5 --rounds 2 --connections 50 --uploads 300 --upload-connections 20]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { openDatabase, TasksRepository } from '@papermill/database';
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
import {
  cpuSeconds,
  httpReady,
  machineBusySeconds,
  MemoryPeaks,
  MemorySampler,
  NodeChild,
  procMemory,
  startNode,
  waitUntil,
} from './load/processes.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    seed: { type: 'string', default: '10000' },
    uploads: { type: 'string', default: '300' },
    'upload-connections': { type: 'string', default: '20' },
    'upload-mb': { type: 'string', default: '5' },
  },
});
const num = (value: string, fallback: number) => Math.max(1, Number(value) || fallback);
const DURATION = num(values.duration, 5);
const ROUNDS = num(values.rounds, 2);
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
const loadAverage = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');

/** A target under load: where to send requests, and whose CPU to count. */
interface Target {
  label: string;
  url: string;
  headers?: Record<string, string>;
  pid: number;
  /** The Postgres backends of the target's pool, if it has one. */
  databaseName?: string;
}

/** The sum over rounds of one target's runs. */
interface Tally {
  requests: number;
  seconds: number;
  non2xx: number;
  errors: number;
  serverCpu: number;
  postgresCpu: number;
  othersCpu: number;
  p99: number[];
}

const emptyTally = (): Tally => ({
  requests: 0,
  seconds: 0,
  non2xx: 0,
  errors: 0,
  serverCpu: 0,
  postgresCpu: 0,
  othersCpu: 0,
  p99: [],
});
const rps = (t: Tally) => t.requests / t.seconds;

async function backendPids(databaseName: string): Promise<number[]> {
  return withPg(`postgres://postgres@127.0.0.1:5432/postgres`, async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1',
      [databaseName],
    );
    return rows.map((r) => r.pid);
  });
}

/** One measured run; CPU from /proc before and after. */
async function runOnce(target: Target, tally: Tally, round: number): Promise<void> {
  const pgBefore = target.databaseName ? await backendPids(target.databaseName) : [];
  const pgCpu = new Map(pgBefore.map((pid) => [pid, cpuSeconds(pid)]));
  const serverBefore = cpuSeconds(target.pid);
  const benchBefore = process.cpuUsage();
  const machineBefore = machineBusySeconds();

  const result = await cannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: target.headers,
  });

  const machine = machineBusySeconds() - machineBefore;
  const benchUsage = process.cpuUsage(benchBefore);
  const bench = (benchUsage.user + benchUsage.system) / 1e6;
  const server = cpuSeconds(target.pid) - serverBefore;
  let postgres = 0;
  if (target.databaseName) {
    for (const pid of new Set([...pgBefore, ...(await backendPids(target.databaseName))])) {
      postgres += cpuSeconds(pid) - (pgCpu.get(pid) ?? 0);
    }
  }
  const requests = result.rps * result.seconds;
  tally.requests += requests;
  tally.seconds += result.seconds;
  tally.non2xx += result.non2xx;
  tally.errors += result.errors + result.timeouts;
  tally.serverCpu += server;
  tally.postgresCpu += postgres;
  tally.othersCpu += Math.max(0, machine - server - postgres - bench);
  tally.p99.push(result.p99Ms);
  const perRequest = (cpu: number) => ((cpu / requests) * 1000).toFixed(2);
  log(
    `  r${round} ${target.label.padEnd(27)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms` +
      `  cpu/req: server ${perRequest(server)} ms` +
      (target.databaseName ? `, postgres ${perRequest(postgres)} ms` : '') +
      `  | others ${(Math.max(0, machine - server - postgres - bench) / result.seconds).toFixed(2)} cores` +
      (result.non2xx || result.errors
        ? `  non-2xx ${result.non2xx} errors ${result.errors + result.timeouts}`
        : ''),
  );
}

/** 10,000 DONE tasks of one guest, one second apart, in one statement; then VACUUM ANALYZE as autovacuum would. */
async function seedTasks(databaseUrl: string, guestId: string, count: number): Promise<void> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await withPg(databaseUrl, async (client) => {
    await client.query(
      `INSERT INTO tasks (id, file_name, status, input_path, output_path, owner_guest_id, attempts,
                          page_count, pages_done, created_at, updated_at)
       SELECT id, 'report-' || n || '.pdf', 'DONE', 'uploads/' || id || '/input.pdf',
              'outputs/' || id || '/result.md', $2, 1, 12, 12,
              now() - make_interval(secs => n), now() - make_interval(secs => n)
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [ids, guestId],
    );
    await client.query('VACUUM ANALYZE tasks');
  });
}

/**
 * The page of 50 as the api asks for it (`TasksRepository.listOwned`, one round trip), timed alone on
 * one connection (mean wall ms over 200 calls after 50 untimed): how much of a request the database
 * and the driver take by themselves.
 */
async function timeListing(databaseUrl: string, guestId: string): Promise<number> {
  const dataSource = await openDatabase(databaseUrl);
  try {
    const tasks = new TasksRepository(dataSource);
    const owner = { kind: 'guest', guestId } as const;
    const page = { limit: 50, offset: 0 };
    for (let i = 0; i < 50; i++) await tasks.listOwned(owner, page);
    const started = performance.now();
    for (let i = 0; i < 200; i++) await tasks.listOwned(owner, page);
    return (performance.now() - started) / 200;
  } finally {
    await dataSource.destroy();
  }
}

interface UploadRun {
  result: CannonResult;
  rssStart: number;
  peaks: MemoryPeaks;
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
  log(`  body: ${mb(body.length)} MB multipart (PDF ${mb(pdf.length)} MB), built once; ${UPLOADS} requests`);
  const rssStart = procMemory(api.pid)!.rss;
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
  return { result, rssStart, peaks, queuedRows, waitingJobs, leftoverTempFiles };
}

async function main(cleanup: Cleanup): Promise<void> {
  log(`Papermill api benchmark — ${new Date().toISOString()}`);
  log(`machine: ${machineSummary()}; load average ${await loadAverage()}`);
  log(
    `load: autocannon in this process over loopback, ${CONNECTIONS} connections, ${WARMUP} s warm-up, ` +
      `then ${ROUNDS} interleaved rounds of ${DURATION} s per target`,
  );

  const run = await isolatedRun('api', cleanup);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tmp = join(run.dir, 'tmp');
  await mkdir(tmp);
  const apiEnv = {
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
    // The load comes from one address and owner: quotas stay checked on every upload, never reached.
    RATE_UPLOADS_PER_MINUTE_PER_IP: '1000000',
    RATE_UPLOADS_PER_MINUTE: '1000000',
    RATE_GUEST_SESSIONS_PER_HOUR_PER_IP: '1000000',
    QUOTA_TASKS_IN_FLIGHT: '1000000',
    QUOTA_GUEST_STORED_MB: '100000',
    QUOTA_STORED_MB: '100000',
  };
  const startApi = async (name: string) => {
    const api = startNode(name, script('../apps/api/src/main.js'), apiEnv);
    cleanup.add(name, () => api.stop());
    await waitUntil(api, 'answer on /health', () => httpReady(`${baseUrl}/health`));
    return api;
  };
  const api = await startApi('api');

  const guestId = randomBytes(16).toString('base64url');
  const seeded = performance.now();
  await seedTasks(run.databaseUrl, guestId, SEED_TASKS);
  const seedSeconds = (performance.now() - seeded) / 1000;
  const cookie = { cookie: `guest_session=${guestId}` };
  const check = await fetch(`${baseUrl}/tasks?limit=50`, { headers: cookie });
  const pageBody = await check.text();
  const page = JSON.parse(pageBody) as { items?: unknown[]; total?: number };
  if (check.status !== 200 || page.items?.length !== 50 || page.total !== SEED_TASKS) {
    throw new Error(`GET /tasks answered ${check.status} with ${pageBody.slice(0, 300)}`);
  }
  const pageFile = join(run.dir, 'page.json');
  await writeFile(pageFile, pageBody);

  const barePort = await freePort();
  const bare = startNode('bare Nest app', script('./load/hello-app.js'), {
    PORT: String(barePort),
    PAGE_FILE: pageFile,
  });
  cleanup.add('bare app', () => bare.stop());
  const bareUrl = `http://127.0.0.1:${barePort}`;
  await waitUntil(bare, 'answer on /health', () => httpReady(`${bareUrl}/health`));
  const samePage = await (await fetch(`${bareUrl}/page`)).text();
  if (samePage !== pageBody) throw new Error('The bare app does not answer the same page as the api');
  log(
    `api pid ${api.pid}, bare app pid ${bare.pid}; seeded ${SEED_TASKS} DONE tasks of one guest in ` +
      `${seedSeconds.toFixed(1)} s; GET /tasks returns 50 of total ${page.total} ` +
      `(${(pageBody.length / 1024).toFixed(1)} KB)`,
  );
  const listing = await timeListing(run.databaseUrl, guestId);
  log(
    `listing alone (TasksRepository.listOwned on one connection, mean wall): page of 50 with the ` +
      `total of ${SEED_TASKS} in ${listing.toFixed(2)} ms`,
  );
  log('');

  const targets: Target[] = [
    { label: 'bare Nest app GET /health', url: `${bareUrl}/health`, pid: bare.pid },
    { label: 'bare Nest app, same page', url: `${bareUrl}/page`, pid: bare.pid },
    { label: 'api GET /health', url: `${baseUrl}/health`, pid: api.pid },
    {
      label: 'api GET /tasks (50 of 10k)',
      url: `${baseUrl}/tasks?limit=50`,
      headers: cookie,
      pid: api.pid,
      databaseName: run.database,
    },
  ];
  for (const target of targets) {
    await cannon({ url: target.url, connections: CONNECTIONS, duration: WARMUP, headers: target.headers });
  }
  const tallies = targets.map(emptyTally);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, target] of targets.entries()) await runOnce(target, tallies[i], round);
  }
  const [bareTally, samePageTally, healthTally, listTally] = tallies;
  const bareMemory = procMemory(bare.pid)!;
  const apiMemory = procMemory(api.pid)!;
  await bare.stop();
  await api.stop();

  log('');
  log(`POST /tasks at concurrency ${UPLOAD_CONNECTIONS}, on a freshly started api (same database)`);
  const uploadApi = await startApi('api for uploads');
  const up = await uploads(uploadApi, baseUrl, run.databaseUrl, run.queuePrefix, tmp);
  const u = up.result;
  log(
    `  ${u.rps.toFixed(1)} uploads/s (${mb(u.rps * UPLOAD_MB * 1024 * 1024)} MB/s)  p50 ${u.p50Ms} ms  p99 ${u.p99Ms} ms` +
      `  status ${JSON.stringify(u.statusCodes)}  non-2xx ${u.non2xx}  errors ${u.errors}  timeouts ${u.timeouts}`,
  );
  log(
    `  api RSS at start ${mb(up.rssStart)} MB, sampled peak ${mb(up.peaks.peakRoot)} MB (${up.peaks.samples} samples), ` +
      `VmHWM ${mb(up.peaks.rootHwm)} MB`,
  );
  log(
    `  afterwards: ${up.queuedRows} QUEUED rows, ${up.waitingJobs} waiting jobs in Redis, ` +
      `${up.leftoverTempFiles} upload temp files left`,
  );
  await uploadApi.stop();

  const uploadPeak = Math.max(up.peaks.peakRoot, up.peaks.rootHwm);
  const listRatio = rps(listTally) / rps(bareTally);
  const getFailures = healthTally.non2xx + healthTally.errors + listTally.non2xx + listTally.errors;
  const uploadFailures = u.non2xx + u.errors + u.timeouts;
  const cpuMs = (t: Tally, cpu: number) => ((cpu / t.requests) * 1000).toFixed(2);
  const others = (t: Tally) => (t.othersCpu / t.seconds).toFixed(2);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  log('');
  log('== summary ==');
  log(`machine            ${machineSummary()}; load average now ${await loadAverage()}`);
  log(
    `bare Nest app      ${rps(bareTally).toFixed(0)} req/s; server ${cpuMs(bareTally, bareTally.serverCpu)} ms CPU/req; ` +
      `RSS ${mb(bareMemory.rss)} MB (other processes used ${others(bareTally)} cores meanwhile)`,
  );
  log(
    `api GET /health    ${rps(healthTally).toFixed(0)} req/s = ${ratio(rps(healthTally), rps(bareTally))}x bare; ` +
      `server ${cpuMs(healthTally, healthTally.serverCpu)} ms CPU/req (others ${others(healthTally)} cores)`,
  );
  log(
    `api GET /tasks     ${rps(listTally).toFixed(0)} req/s = ${ratio(rps(listTally), rps(bareTally))}x bare; ` +
      `server ${cpuMs(listTally, listTally.serverCpu)} + postgres ${cpuMs(listTally, listTally.postgresCpu)} ms CPU/req ` +
      `(others ${others(listTally)} cores)   target >= ${TARGET_LIST_RATIO}x: ${verdict(listRatio >= TARGET_LIST_RATIO)}`,
  );
  log(
    `  vs same page      ${ratio(rps(listTally), rps(samePageTally))}x of the bare app sending the same page ` +
      `(${rps(samePageTally).toFixed(0)} req/s = ${ratio(rps(samePageTally), rps(bareTally))}x bare; ` +
      `server ${cpuMs(samePageTally, samePageTally.serverCpu)} ms CPU/req): what producing the page costs apart from sending it`,
  );
  log(`  listing alone     ${listing.toFixed(2)} ms wall on one connection (database and driver, no HTTP)`);
  log(`api RSS after GETs ${mb(apiMemory.rss)} MB (VmHWM ${mb(apiMemory.hwm)} MB)`);
  log(
    `api POST /tasks    ${UPLOADS} x ${UPLOAD_MB} MB at c=${UPLOAD_CONNECTIONS}: ${u.rps.toFixed(1)} req/s; peak RSS ` +
      `${mb(uploadPeak)} MB (from ${mb(up.rssStart)} MB at start)   target < ${TARGET_UPLOAD_PEAK_MB} MB: ` +
      verdict(uploadPeak < TARGET_UPLOAD_PEAK_MB * 1024 * 1024),
  );
  log(
    `error responses    ${getFailures + uploadFailures} (GETs ${getFailures}; uploads non-2xx ${u.non2xx}, ` +
      `errors/timeouts ${u.errors + u.timeouts}; ${up.queuedRows}/${u.ok} uploads QUEUED with ${up.waitingJobs} jobs)   ` +
      `target 0: ${verdict(getFailures + uploadFailures === 0 && up.queuedRows === u.ok)}`,
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
