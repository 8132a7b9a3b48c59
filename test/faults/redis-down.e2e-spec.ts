import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DocumentQueue } from '@papermill/queue';
import { ApiClient } from '../support/client.js';
import { inFlightCount } from '../support/db.js';
import { RedisServer, startRedisServer } from '../support/redis-server.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';
import { waitFor } from '../support/wait.js';

interface TaskBody {
  id: string;
  status: string;
  error_message: string | null;
}

describe('Redis down and back (a redis-server of its own)', () => {
  let redis: RedisServer;
  let stack: Stack;
  let client: ApiClient;
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await buildPdf([['Queued through a flaky Redis', 'The queue comes and goes.']]);
    redis = await startRedisServer();
    stack = await startStack({ env: { REDIS_URL: redis.url } });
    client = new ApiClient(stack.url);
  });

  afterAll(async () => {
    // Redis must be up for the stack to delete its keys.
    await redis?.start();
    await stack?.close();
    await redis?.kill();
  });

  it('refuses uploads with 500 while Redis is down, leaving them FAILED, and recovers by itself', async () => {
    const before = await client.upload(pdf, 'before.pdf');
    expect(before.status).toBe(201);
    expect((await client.waitForTask(String(before.body.id))).status).toBe('DONE');

    await redis.kill();

    // The producer does not queue commands while disconnected: the request fails at once.
    const refused = await client.upload(pdf, 'during.pdf');
    expect(refused).toMatchObject({ status: 500, body: { detail: 'Failed to enqueue task' } });
    expect(refused.body).toEqual({ detail: 'Failed to enqueue task' });
    const list = await client.json<{ items: TaskBody[] }>('GET', '/tasks');
    expect(list.status).toBe(200);
    const during = list.body.items.find((task) => task.id !== before.body.id);
    expect(during).toMatchObject({
      status: 'FAILED',
      error_message: 'The task could not be queued; please upload the file again',
    });
    expect(await inFlightCount(stack.config.DATABASE_URL)).toBe(0);
    expect(await client.json('GET', '/health/ready')).toMatchObject({
      status: 503,
      body: { detail: 'Not ready: redis unavailable' },
    });

    // Back on the same port, empty (no persistence). Neither the api nor the worker is restarted.
    await redis.start();
    const queue = stack.api.get(DocumentQueue).queue;
    // The api's producer connection answers again (it fails fast while still disconnected).
    await waitFor('the api to reconnect to Redis', async () => (await queue.count()) >= 0, 30_000);
    await waitFor(
      'readiness to recover',
      async () => (await client.json('GET', '/health/ready')).status === 200,
    );
    const after = await client.upload(pdf, 'after.pdf');
    expect(after.status).toBe(201);
    // The worker's connections came back too: the task is taken and converted.
    const task = await client.waitForTask(String(after.body.id), 60_000);
    expect(task).toMatchObject({ status: 'DONE', error_message: null });
    expect(await inFlightCount(stack.config.DATABASE_URL)).toBe(0);
  }, 120_000);
});
