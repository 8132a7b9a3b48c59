import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TaskStatus } from '@papermill/database';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';
import { cookieOf, send, Send } from './http.js';
import { claims, hs256 } from './tokens.js';

/**
 * Who sees what: users A and B (JWT), their API keys, and guests C and D (cookies). Every task route
 * and every key route is tried by every caller on every other caller's resources.
 */

type Scope = 'A' | 'B' | 'C' | 'D';
interface Caller {
  name: string;
  scope: Scope;
  headers: Record<string, string>;
}

const TASK_NOT_FOUND = { detail: 'Task not found' };

describe('scope of tasks and API keys across callers', () => {
  let stack: Stack;
  let callers: Caller[];
  /** Task ids by the caller that uploaded them. */
  const tasks = new Map<string, { id: string; scope: Scope }>();
  const keyIds: Record<'A' | 'B', string> = { A: '', B: '' };
  let taskRoutes: string[];

  const call = (caller: Caller, method: string, path: string, options: Send = {}) =>
    send(stack.url, method, path, { ...options, headers: { ...caller.headers, ...options.headers } });

  beforeAll(async () => {
    stack = await startStack();
    const jwtA = {
      name: 'user A (JWT)',
      scope: 'A' as const,
      headers: { authorization: `Bearer ${await hs256(claims('user-a'))}` },
    };
    const jwtB = {
      name: 'user B (JWT)',
      scope: 'B' as const,
      headers: { authorization: `Bearer ${await hs256(claims('user-b'))}` },
    };
    const keyA = await call(jwtA, 'POST', '/api-keys', { json: { name: 'A laptop' } });
    const keyB = await call(jwtB, 'POST', '/api-keys', { json: { name: 'B CI runner' } });
    expect([keyA.status, keyB.status]).toEqual([201, 201]);
    keyIds.A = keyA.body.id;
    keyIds.B = keyB.body.id;
    const guest = async () => cookieOf(await send(stack.url, 'GET', '/tasks'), 'guest_session')!;
    callers = [
      jwtA,
      { name: "user A's API key", scope: 'A', headers: { authorization: `Bearer ${keyA.body.token}` } },
      jwtB,
      { name: "user B's API key", scope: 'B', headers: { authorization: `Bearer ${keyB.body.token}` } },
      { name: 'guest C', scope: 'C', headers: { cookie: await guest() } },
      { name: 'guest D', scope: 'D', headers: { cookie: await guest() } },
    ];
    const pdf = await buildPdf([['A page of text for the scope tests']]);
    for (const caller of callers.filter((c) => c.name !== 'user B (JWT)')) {
      const form = new FormData();
      form.append(
        'file',
        new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }),
        `${caller.scope}.pdf`,
      );
      const created = await call(caller, 'POST', '/tasks', { form });
      expect(created.status).toBe(201);
      tasks.set(caller.name, { id: created.body.id, scope: caller.scope });
      await waitUntilFinished(caller, created.body.id);
    }
    // Figures routes join the matrix as soon as they exist.
    const anyTask = tasks.get('guest C')!.id;
    const figures = await call(callers[4], 'GET', `/tasks/${anyTask}/figures`);
    taskRoutes = ['', '/download', '/assets', '/events'];
    if (figures.status !== 404 || figures.body.detail !== 'Not Found') {
      taskRoutes.push('/figures', '/figures/1', '/figures/1/download');
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  async function waitUntilFinished(caller: Caller, id: string) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { body } = await call(caller, 'GET', `/tasks/${id}`);
      if (body.status === TaskStatus.Done || body.status === TaskStatus.Failed) return;
      if (Date.now() > deadline) throw new Error(`task ${id} still ${body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const idsOf = (scope: Scope) => [...tasks.values()].filter((t) => t.scope === scope).map((t) => t.id);

  it('lists exactly the tasks of the caller scope, an API key seeing its owner tasks', async () => {
    for (const caller of callers) {
      const list = await call(caller, 'GET', '/tasks');
      expect({ caller: caller.name, status: list.status }).toEqual({ caller: caller.name, status: 200 });
      expect(list.body.items.map((t: { id: string }) => t.id).sort()).toEqual(idsOf(caller.scope).sort());
      expect(list.body.total).toBe(idsOf(caller.scope).length);
    }
  });

  it('serves every task route to the owner scope and 404 "Task not found" to everyone else', async () => {
    for (const caller of callers) {
      for (const [uploader, task] of tasks) {
        for (const route of taskRoutes) {
          const reply = await call(caller, 'GET', `/tasks/${task.id}${route}`);
          const seen = { caller: caller.name, uploader, route, status: reply.status, body: reply.body };
          if (caller.scope !== task.scope) {
            expect(seen).toEqual({ ...seen, status: 404, body: TASK_NOT_FOUND });
          } else if (route.startsWith('/figures/1')) {
            // The test PDF has no figures: the owner gets past the task check to the figure lookup.
            expect(seen).toEqual({ ...seen, status: 404, body: { detail: 'Figure not found' } });
          } else {
            expect(seen).toEqual({ ...seen, status: 200 });
          }
        }
      }
    }
  });

  it('lists only the guest cookie tasks on /public/tasks, whatever Authorization says', async () => {
    const [jwtA, keyA, , , guestC, guestD] = callers;
    for (const guest of [guestC, guestD]) {
      const own = await call(guest, 'GET', '/public/tasks');
      expect(own.body.items.map((t: { id: string }) => t.id)).toEqual(idsOf(guest.scope));
    }
    for (const user of [jwtA, keyA]) {
      const alone = await call(user, 'GET', '/public/tasks');
      expect(alone.status).toBe(200);
      expect(alone.body).toEqual({ items: [], total: 0, limit: 50, offset: 0, has_more: false });
      expect(alone.headers['set-cookie']).toBeUndefined();
      const withCookie = await call(user, 'GET', '/public/tasks', { headers: guestC.headers });
      expect(withCookie.body.items.map((t: { id: string }) => t.id)).toEqual(idsOf('C'));
    }
    const badBearer = await call(guestC, 'GET', '/public/tasks', {
      headers: { authorization: 'Bearer nonsense' },
    });
    expect(badBearer.status).toBe(200);
    expect(badBearer.body.items.map((t: { id: string }) => t.id)).toEqual(idsOf('C'));
  });

  it('uses the Bearer token, not the guest cookie, when a request carries both', async () => {
    const [jwtA, , , , guestC] = callers;
    const list = await call(jwtA, 'GET', '/tasks', { headers: guestC.headers });
    expect(list.body.items.map((t: { id: string }) => t.id).sort()).toEqual(idsOf('A').sort());
    const guestTask = tasks.get('guest C')!.id;
    expect((await call(jwtA, 'GET', `/tasks/${guestTask}`, { headers: guestC.headers })).status).toBe(404);
  });

  it('lets each user see, and revoke, only their own API keys, from a JWT or a key alike', async () => {
    const [jwtA, keyA, jwtB, keyB] = callers;
    for (const [caller, ownKey, otherKey] of [
      [jwtA, keyIds.A, keyIds.B],
      [keyA, keyIds.A, keyIds.B],
      [jwtB, keyIds.B, keyIds.A],
      [keyB, keyIds.B, keyIds.A],
    ] as const) {
      const list = await call(caller, 'GET', '/api-keys');
      expect(list.status).toBe(200);
      expect(list.body.items.map((k: { id: string }) => k.id)).toEqual([ownKey]);
      const revokeOther = await call(caller, 'DELETE', `/api-keys/${otherKey}`);
      expect({ caller: caller.name, status: revokeOther.status, body: revokeOther.body }).toEqual({
        caller: caller.name,
        status: 404,
        body: { detail: 'API key not found' },
      });
    }
    // Nothing was revoked by the attempts above.
    expect((await call(keyA, 'GET', '/tasks')).status).toBe(200);
    expect((await call(keyB, 'GET', '/tasks')).status).toBe(200);
  });

  it('refuses every API key route to guests with 401 "Authentication required"', async () => {
    for (const guest of callers.filter((c) => c.scope === 'C' || c.scope === 'D')) {
      for (const [method, path, json] of [
        ['POST', '/api-keys', { name: 'guest key' }],
        ['GET', '/api-keys', undefined],
        ['DELETE', `/api-keys/${keyIds.A}`, undefined],
      ] as const) {
        const reply = await call(guest, method, path, { json });
        expect({ guest: guest.name, method, status: reply.status, body: reply.body }).toEqual({
          guest: guest.name,
          method,
          status: 401,
          body: { detail: 'Authentication required' },
        });
        expect(reply.headers['www-authenticate']).toBe('Bearer');
        expect(reply.headers['set-cookie']).toBeUndefined();
      }
    }
  });

  it('lets an API key create keys for its owner', async () => {
    const [jwtA, keyA] = callers;
    const created = await call(keyA, 'POST', '/api-keys', { json: { name: 'made by a key' } });
    expect(created.status).toBe(201);
    const list = await call(jwtA, 'GET', '/api-keys');
    expect(list.body.items.map((k: { id: string }) => k.id)).toEqual([created.body.id, keyIds.A]);
    expect((await call(jwtA, 'DELETE', `/api-keys/${created.body.id}`)).body).toEqual({ revoked: true });
  });

  it('deletes a task only for its owner scope', async () => {
    for (const [uploader, task] of tasks) {
      for (const caller of callers.filter((c) => c.scope !== task.scope)) {
        const reply = await call(caller, 'DELETE', `/tasks/${task.id}`);
        expect({ caller: caller.name, uploader, status: reply.status, body: reply.body }).toEqual({
          caller: caller.name,
          uploader,
          status: 404,
          body: TASK_NOT_FOUND,
        });
      }
      const owner =
        callers.find((c) => c.scope === task.scope && c.name !== uploader) ??
        callers.find((c) => c.name === uploader)!;
      expect((await call(owner, 'GET', `/tasks/${task.id}`)).status).toBe(200);
      const deleted = await call(owner, 'DELETE', `/tasks/${task.id}`);
      expect({ uploader, status: deleted.status, body: deleted.body }).toEqual({
        uploader,
        status: 200,
        body: { deleted: true },
      });
      expect((await call(owner, 'GET', `/tasks/${task.id}`)).status).toBe(404);
    }
  });
});
