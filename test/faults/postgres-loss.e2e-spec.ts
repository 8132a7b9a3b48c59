import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from '../support/client.js';
import { inFlightCount, sql } from '../support/db.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';
import { waitFor } from '../support/wait.js';

describe('Postgres connections cut (every backend of the database terminated)', () => {
  let stack: Stack;
  let client: ApiClient;
  let pdf: Buffer;

  /** Terminates every session of the stack's database from an admin connection; returns their pids. */
  const cutConnections = async (): Promise<number[]> => {
    const database = new URL(stack.config.DATABASE_URL).pathname.slice(1);
    const admin = new URL(stack.config.DATABASE_URL);
    admin.pathname = '/postgres';
    // pg_terminate_backend in the select list, so it only runs on the rows the WHERE kept.
    const rows = await sql<{ pid: number; terminated: boolean }>(
      admin.toString(),
      `SELECT pid, pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    );
    const pids = rows.filter((row) => row.terminated).map((row) => row.pid);
    // The sessions are gone (their sockets closed) before the test goes on.
    await waitFor('the terminated sessions to end', async () => {
      const alive = await sql(admin.toString(), 'SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1)', [pids]);
      return alive.length === 0;
    });
    return pids;
  };

  beforeAll(async () => {
    pdf = await buildPdf([['Written through a reconnecting pool', 'Postgres dropped every session.']]);
    stack = await startStack();
    client = new ApiClient(stack.url);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('the api and the worker reconnect by themselves: no failed request after the cut', async () => {
    // Pools warmed up: the api and the worker each hold open sessions.
    const first = await client.upload(pdf, 'first.pdf');
    expect(first.status).toBe(201);
    const firstId = String(first.body.id);
    expect((await client.waitForTask(firstId)).status).toBe('DONE');

    const cut = await cutConnections();
    expect(cut.length).toBeGreaterThanOrEqual(2);

    // Every request after the cut succeeds: dead pooled connections are dropped, new ones opened.
    expect((await client.json('GET', `/tasks/${firstId}`)).status).toBe(200);
    expect((await client.json('GET', '/tasks')).status).toBe(200);
    const download = await client.request('GET', `/tasks/${firstId}/download`);
    expect(download.status).toBe(200);
    expect(await download.text()).toContain('Written through a reconnecting pool');

    const second = await client.upload(pdf, 'second.pdf');
    expect(second.status).toBe(201);
    const task = await client.waitForTask(String(second.body.id));
    expect(task).toMatchObject({ status: 'DONE', error_message: null });

    // Cut again while idle, then go straight to the worker's path: it recovers as well.
    await cutConnections();
    const third = await client.upload(pdf, 'third.pdf');
    expect(third.status).toBe(201);
    expect((await client.waitForTask(String(third.body.id))).status).toBe('DONE');
    expect(await inFlightCount(stack.config.DATABASE_URL)).toBe(0);
  }, 90_000);
});
