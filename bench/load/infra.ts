/**
 * What the load benchmarks share: a fresh database and queue prefix per run, temp dirs, and a
 * cleanup list that runs whatever happens (error, Ctrl-C), so a run leaves nothing behind.
 */
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export const BASE_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Things to undo at the end, newest first; also run on SIGINT/SIGTERM. */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<unknown> | unknown }[] = [];
  private ran?: Promise<void>;

  constructor() {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.stderr.write(`\n${signal}: cleaning up...\n`);
        void this.run().finally(() => process.exit(130));
      });
    }
  }

  add(name: string, run: () => Promise<unknown> | unknown): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.ran ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.run();
        } catch (error) {
          process.stderr.write(`cleanup: ${step.name} failed: ${String(error)}\n`);
        }
      }
    })();
    return this.ran;
  }
}

/** A database name, queue prefix and temp dir of this run's own, all removed by `cleanup`. */
export async function isolatedRun(kind: string, cleanup: Cleanup) {
  const id = randomBytes(5).toString('hex');
  const database = `papermill_bench_${id}`;
  const queuePrefix = `papermill-bench-${id}`;
  const dir = await mkdtemp(join(tmpdir(), `papermill-bench-${kind}-`));
  cleanup.add('temp dir', () => rm(dir, { recursive: true, force: true }));
  cleanup.add('redis keys', () => deleteRedisKeys(queuePrefix));
  cleanup.add('database', () => dropDatabase(database));
  return { id, database, databaseUrl: `${BASE_DATABASE_URL}/${database}`, queuePrefix, dir };
}

export async function withPg<T>(url: string, body: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

export function dropDatabase(name: string): Promise<void> {
  return withPg(`${BASE_DATABASE_URL}/postgres`, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One line naming the machine, so figures from different runs are not compared blindly. */
export function machineSummary(): string {
  const model = cpus()[0]?.model?.trim() || 'unknown cpu';
  const gib = (totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${availableParallelism()} cores, ${gib} GiB RAM, node ${process.version}, ${process.platform}/${process.arch}`;
}

export const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
export const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
