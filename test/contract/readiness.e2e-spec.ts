import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from '../support/client.js';
import { sql } from '../support/db.js';
import { startStack, Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

describe('GET /health/ready', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ storage: 's3', worker: false });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('reports Postgres, Redis and storage up', async () => {
    const { status, body } = await new ApiClient(stack.url).json<{ status: string; info: object }>(
      'GET',
      '/health/ready',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' }, storage: { status: 'up' } },
    });
  });

  it('answers 503 naming the database while Postgres refuses connections, and recovers', async () => {
    const database = new URL(stack.config.DATABASE_URL).pathname.slice(1);
    const admin = new URL(stack.config.DATABASE_URL);
    admin.pathname = '/postgres';
    const client = new ApiClient(stack.url);
    await sql(admin.toString(), `ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false`);
    try {
      await sql(
        admin.toString(),
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      await waitFor(
        'readiness to report the database',
        async () => (await client.json('GET', '/health/ready')).status === 503,
      );
      expect(await client.json('GET', '/health/ready')).toMatchObject({
        status: 503,
        body: { detail: 'Not ready: database unavailable' },
      });
      expect(await client.json('GET', '/health')).toMatchObject({ status: 200 });
    } finally {
      await sql(admin.toString(), `ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`);
    }
    await waitFor(
      'readiness to recover',
      async () => (await client.json('GET', '/health/ready')).status === 200,
      30_000,
    );
  });

  it('answers 503 naming storage when it is down, while liveness stays ok', async () => {
    await stack.stopS3?.();
    const client = new ApiClient(stack.url);
    expect(await client.json('GET', '/health/ready')).toMatchObject({
      status: 503,
      body: { detail: 'Not ready: storage unavailable' },
    });
    expect(await client.json('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
