import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, parseConfig } from '@papermill/config';
import { Redis } from 'ioredis';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';
import { freePort } from './free-port.js';
import { startS3Server, S3Endpoint } from './s3-server.js';

export interface StackOptions {
  storage?: 'local' | 's3';
  /** Start the worker too (default true). */
  worker?: boolean;
  env?: Record<string, string>;
}

export interface Stack {
  config: AppConfig;
  api: NestExpressApplication;
  worker?: INestApplicationContext;
  /** Base URL of the listening api, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Stops the S3 server early, to test storage failures. */
  stopS3?: () => Promise<void>;
  /** The S3 server of an `s3` stack (pause and resume it to test outages). */
  s3?: S3Endpoint;
  /** The environment the config was parsed from: give it to an api or worker run as a child process. */
  env: Record<string, string>;
  close(): Promise<void>;
}

const BASE_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The api and worker booted in-process against real services: a fresh Postgres database (dropped
 * on close), a Redis queue prefix of its own (keys deleted on close), and local disk or s3rver.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const id = randomBytes(6).toString('hex');
  const storageDir = await mkdtemp(join(tmpdir(), 'papermill-storage-'));
  const port = await freePort();
  let s3: S3Endpoint | undefined;
  if (options.storage === 's3') s3 = await startS3Server();
  const raw: Record<string, string | undefined> = {
    PORT: String(port),
    DATABASE_URL: `${BASE_DATABASE_URL}/papermill_test_${id}`,
    REDIS_URL,
    QUEUE_PREFIX: `papermill-test-${id}`,
    STORAGE_DRIVER: options.storage ?? 'local',
    STORAGE_DIR: storageDir,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    S3_ENDPOINT: s3?.endpoint,
    S3_BUCKET: `papermill-${id}`,
    S3_ACCESS_KEY: 'S3RVER',
    S3_SECRET_KEY: 'S3RVER',
    LOG_LEVEL: 'silent',
    WORKER_CONCURRENCY: '2',
    AUTH_JWT_SECRET: 'test-secret-for-hs256-tokens-0123456789',
    // Suites make many guests and uploads from one address; the quota suite sets its own limits.
    RATE_UPLOADS_PER_MINUTE_PER_IP: '100000',
    RATE_UPLOADS_PER_MINUTE: '100000',
    RATE_GUEST_SESSIONS_PER_HOUR_PER_IP: '100000',
    QUOTA_TASKS_IN_FLIGHT: '100000',
    ...options.env,
  };
  const env = Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const config = parseConfig(env);
  const api = await createApiApp(config);
  await api.listen(port, '127.0.0.1');
  const worker = options.worker === false ? undefined : await createWorkerApp(config);
  return {
    config,
    api,
    worker,
    url: `http://127.0.0.1:${port}`,
    stopS3: s3 ? () => s3.stop() : undefined,
    s3,
    env,
    async close() {
      await worker?.close();
      await api.close();
      await dropDatabase(config.DATABASE_URL);
      await deleteRedisKeys(config.REDIS_URL, config.QUEUE_PREFIX);
      await s3?.stop();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new Client({ connectionString: `${BASE_DATABASE_URL}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
