import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TasksRepository } from '@papermill/database';
import { StorageService, taskKeys } from '@papermill/storage';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ORPHAN_GRACE_MS,
  RetentionService,
  SWEEP_LOCK,
} from '../../apps/worker/src/retention/retention.service.js';
import { claims, hs256 } from '../auth/tokens.js';
import { ApiClient } from '../support/client.js';
import { sql } from '../support/db.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdfWithFigure } from '../support/test-pdf.js';

// More than two pages of the sweep's batches (100).
const BACKLOG = 230;

describe.each(['local', 's3'] as const)('retention sweep (%s storage)', (driver) => {
  let stack: Stack;
  let storage: StorageService;
  let retention: RetentionService;
  let guest: ApiClient;
  let user: ApiClient;
  let pdf: Buffer;
  /** Tasks the first case keeps, for the second to check again. */
  const kept: string[] = [];

  const keysOf = async (id: string): Promise<string[]> => {
    const keys: string[] = [];
    for (const prefix of taskKeys(id).prefixes)
      for await (const entry of storage.list(prefix)) keys.push(entry.key);
    return keys.sort();
  };
  const rowExists = async (id: string) =>
    (await sql(stack.config.DATABASE_URL, 'SELECT 1 FROM tasks WHERE id = $1', [id])).length === 1;
  const figureRows = async (id: string) =>
    (
      await sql<{ n: number }>(
        stack.config.DATABASE_URL,
        'SELECT count(*)::int AS n FROM figures WHERE task_id = $1',
        [id],
      )
    )[0].n;
  const setStatus = (id: string, status: string) =>
    sql(stack.config.DATABASE_URL, 'UPDATE tasks SET status = $2 WHERE id = $1', [id, status]);
  const backdate = (ids: string[], hours: number) =>
    sql(
      stack.config.DATABASE_URL,
      'UPDATE tasks SET created_at = now() - make_interval(hours => $2) WHERE id = ANY($1::uuid[])',
      [ids, hours],
    );

  const convert = async (client: ApiClient): Promise<string> => {
    const created = await client.upload(pdf, 'paper.pdf');
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect((await client.waitForTask(id, 60_000)).status).toBe('DONE');
    return id;
  };

  beforeAll(async () => {
    pdf = await buildPdfWithFigure();
    stack = await startStack({
      storage: driver,
      // The timer never fires during the test: each case runs the sweep itself.
      env: { GUEST_RETENTION_HOURS: '24', RETENTION_SWEEP_INTERVAL_SECONDS: '86400' },
    });
    storage = stack.api.get(StorageService);
    retention = stack.worker!.get(RetentionService);
    guest = new ApiClient(stack.url);
    user = new ApiClient(stack.url, { authorization: `Bearer ${await hs256(claims('retention-user'))}` });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('deletes finished guest tasks past the retention with their figure rows and objects, and keeps the rest', async () => {
    const expiredDone = await convert(guest);
    const expiredFailed = await convert(guest);
    await setStatus(expiredFailed, 'FAILED');
    const recentGuest = await convert(guest);
    const userTask = await convert(user);
    // Old but in flight again (a worker may hold it), or never queued: not the sweep's to delete.
    const processing = await convert(guest);
    await setStatus(processing, 'PROCESSING');
    const pending = randomUUID();
    await stack.api.get(TasksRepository).create({
      id: pending,
      fileName: 'pending.pdf',
      inputPath: taskKeys(pending).input,
      owner: { kind: 'guest', guestId: 'retention-pending' },
    });
    await storage.put(taskKeys(pending).input, pdf, pdf.length);
    // A backlog of many pages of expired guest tasks, each with its stored input.
    const backlog: string[] = [];
    for (let i = 0; i < BACKLOG; i++) {
      const id = randomUUID();
      await stack.api.get(TasksRepository).create({
        id,
        fileName: 'old.pdf',
        inputPath: taskKeys(id).input,
        owner: { kind: 'guest', guestId: `retention-backlog-${i % 7}` },
      });
      await setStatus(id, i % 2 ? 'DONE' : 'FAILED');
      await storage.put(taskKeys(id).input, Buffer.from('%PDF-1.7'), 8);
      backlog.push(id);
    }

    const expired = [expiredDone, expiredFailed];
    for (const id of expired) {
      expect(await figureRows(id)).toBeGreaterThan(0);
      expect(await keysOf(id)).toEqual(
        [taskKeys(id).input, taskKeys(id).markdown, taskKeys(id).assets, taskKeys(id).figure(1)].sort(),
      );
    }
    await backdate([...expired, ...backlog, userTask, processing, pending], 25);
    await backdate([recentGuest], 12);
    kept.push(recentGuest, userTask, processing, pending);
    const keptKeys = await Promise.all(kept.map(keysOf));

    // While another worker sweeps (holds the lock), this one leaves everything to it.
    const other = new Client({ connectionString: stack.config.DATABASE_URL });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock(hashtext($1))', [SWEEP_LOCK]);
      expect(await retention.sweep()).toBeNull();
      expect(await rowExists(expiredDone)).toBe(true);
    } finally {
      await other.end();
    }

    expect(await retention.sweep()).toEqual({ tasks: expired.length + BACKLOG, orphans: 0 });

    for (const id of [...expired, ...backlog]) {
      expect(await rowExists(id)).toBe(false);
      expect(await figureRows(id)).toBe(0);
      expect(await keysOf(id)).toEqual([]);
    }
    expect((await guest.json('GET', `/tasks/${expiredDone}`)).status).toBe(404);
    for (const [i, id] of kept.entries()) {
      expect(await rowExists(id)).toBe(true);
      expect(await keysOf(id)).toEqual(keptKeys[i]);
    }
    expect(await figureRows(userTask)).toBeGreaterThan(0);
    expect((await user.json('GET', `/tasks/${userTask}`)).status).toBe(200);
    expect((await guest.json('GET', `/tasks/${recentGuest}`)).status).toBe(200);
    // Nothing left to do.
    expect(await retention.sweep()).toEqual({ tasks: 0, orphans: 0 });
  }, 180_000);

  it('deletes objects no task row owns once past the grace period, and keeps fresh ones', async () => {
    // Left by crashes: an upload stored before the api died, outputs of a task gone since.
    const old = randomUUID();
    const oldKeys = [taskKeys(old).input, taskKeys(old).markdown, taskKeys(old).figure(3)];
    for (const key of oldKeys) await storage.put(key, Buffer.from(key), key.length);
    // Not a task's key: not the sweep's to judge, however old.
    await storage.put('notes/readme.txt', Buffer.from('hello'), 5);
    const listedTimes = async (prefix: string) => {
      const times: number[] = [];
      for await (const entry of storage.list(prefix)) times.push(entry.lastModified.getTime());
      return times;
    };
    const oldTimes = [
      ...(await listedTimes(`uploads/${old}/`)),
      ...(await listedTimes(`outputs/${old}/`)),
      ...(await listedTimes(`${old}/`)),
    ];
    expect(oldTimes).toHaveLength(3);
    // Some time later (S3 times are whole seconds), an upload in progress: stored, row not yet written.
    await sleep(2100);
    const fresh = randomUUID();
    await storage.put(taskKeys(fresh).input, pdf, pdf.length);

    // The moment the old orphans are just past the grace period and the fresh one is not.
    const cutoff = Math.max(...oldTimes) + 1000;
    expect((await listedTimes(`uploads/${fresh}/`))[0]).toBeGreaterThan(cutoff);
    const now = new Date(cutoff + ORPHAN_GRACE_MS);

    expect(await retention.sweep(now)).toEqual({ tasks: 0, orphans: oldKeys.length });
    expect(await keysOf(old)).toEqual([]);
    expect(await keysOf(fresh)).toEqual([taskKeys(fresh).input]);
    expect(await storage.stat('notes/readme.txt')).not.toBeNull();
    // Tasks with a row keep their objects, however old those are.
    for (const id of kept) expect((await keysOf(id)).length).toBeGreaterThan(0);
    expect(await retention.sweep(now)).toEqual({ tasks: 0, orphans: 0 });
  }, 60_000);
});
