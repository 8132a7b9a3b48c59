import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cookieOf, send } from '../auth/http.js';
import { claims, hs256 } from '../auth/tokens.js';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { sql } from '../support/db.js';
import { freePort } from '../support/free-port.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';

/** Low limits, so each is reached in a few requests; the worker is off so tasks stay in flight. */
const LIMITS = {
  RATE_UPLOADS_PER_MINUTE_PER_IP: '6',
  RATE_UPLOADS_PER_MINUTE: '4',
  RATE_GUEST_SESSIONS_PER_HOUR_PER_IP: '3',
  QUOTA_TASKS_IN_FLIGHT: '2',
  QUOTA_STORED_MB: '1',
  QUOTA_GUEST_STORED_MB: '1',
};

describe('quotas and rate limits', () => {
  let stack: Stack;
  let pdf: Buffer;

  beforeAll(async () => {
    stack = await startStack({ worker: false, env: LIMITS });
    pdf = await buildPdf([['Quota test']]);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  const form = (bytes: Buffer = pdf) => {
    const data = new FormData();
    data.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'q.pdf');
    return data;
  };
  const upload = (headers: Record<string, string>, from: string, bytes?: Buffer) =>
    send(stack.url, 'POST', '/tasks', { headers, from, form: form(bytes) });
  const bearer = async (sub: string) => ({ authorization: `Bearer ${await hs256(claims(sub))}` });
  const finish = (id: string) =>
    sql(stack.config.DATABASE_URL, `UPDATE tasks SET status = 'DONE' WHERE id = $1`, [id]);

  it('answers the upload past the per-owner rate with 429, Retry-After and a sentence', async () => {
    const headers = await bearer('rate-user');
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const reply = await upload(headers, '127.0.1.1');
      statuses.push(reply.status);
      if (reply.status === 201) await finish(reply.body.id);
    }
    const refused = await upload(headers, '127.0.1.1');
    expect(statuses).toEqual([201, 201, 201, 201]);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ detail: 'Too many uploads: at most 4 a minute' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('counts uploads per address across owners', async () => {
    const from = '127.0.2.1';
    const replies = [];
    for (let i = 0; i < 7; i++) replies.push(await upload(await bearer(`address-user-${i}`), from));
    expect(replies.slice(0, 6).map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(replies[6].status).toBe(429);
    expect(replies[6].body).toEqual({ detail: 'Too many uploads from your address: at most 6 a minute' });
    expect(replies[6].headers['retry-after']).toMatch(/^\d+$/);
  });

  it('refuses a third task in flight until one finishes', async () => {
    const headers = await bearer('in-flight-user');
    const first = await upload(headers, '127.0.3.1');
    await upload(headers, '127.0.3.2');
    const third = await upload(headers, '127.0.3.3');
    expect(third.status).toBe(429);
    expect(third.body).toEqual({
      detail: 'Too many tasks in progress: at most 2 at once; wait for some to finish',
    });
    await finish(first.body.id);
    expect((await upload(headers, '127.0.3.4')).status).toBe(201);
  });

  it('refuses an upload that would take the owner past its stored bytes, and stores nothing', async () => {
    const headers = await bearer('storage-user');
    const big = Buffer.concat([pdf, Buffer.alloc(700 * 1024, 0x20)]);
    const first = await upload(headers, '127.0.4.1', big);
    expect(first.status).toBe(201);
    await finish(first.body.id);
    const second = await upload(headers, '127.0.4.2', big);
    expect(second.status).toBe(429);
    expect(second.body).toEqual({
      detail: 'Storage quota exceeded: at most 1 MB of uploaded PDFs; delete tasks to make room',
    });
    const listed = await send(stack.url, 'GET', '/tasks', { headers });
    expect(listed.body.total).toBe(1);
    // Deleting makes room again.
    await send(stack.url, 'DELETE', `/tasks/${first.body.id}`, { headers });
    expect((await upload(headers, '127.0.4.3', big)).status).toBe(201);
  });

  it('hands out at most 3 new guest sessions an hour to one address', async () => {
    const from = '127.0.5.1';
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await send(stack.url, 'GET', '/tasks', { from }));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(replies[3].body.detail).toMatch(
      /^Too many new guest sessions from your address: at most 3 an hour/,
    );
    expect(replies[3].headers['set-cookie']).toBeUndefined();
    // A guest that keeps its cookie is not a new session.
    const cookie = cookieOf(replies[0], 'guest_session')!;
    expect((await send(stack.url, 'GET', '/tasks', { from, headers: { cookie } })).status).toBe(200);
  });

  it('holds across api replicas: the counters live in Redis', async () => {
    const replica = await createApiApp(stack.config);
    const port = await freePort();
    await replica.listen(port, '127.0.0.1');
    try {
      const headers = await bearer('replicated-user');
      const bases = [stack.url, `http://127.0.0.1:${port}`];
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const reply = await send(bases[i % 2], 'POST', '/tasks', {
          headers,
          from: '127.0.7.1',
          form: form(),
        });
        statuses.push(reply.status);
        if (reply.status === 201) await finish(reply.body.id);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 429]);
    } finally {
      await replica.close();
    }
  });

  it('leaves a guest without its cookie behind the same address limit', async () => {
    // Dropping the cookie makes a new guest each time: the address limit is what stops it.
    const from = '127.0.6.1';
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await upload({}, from)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});
