import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from '../support/client.js';
import { startStack, Stack } from '../support/stack.js';

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
