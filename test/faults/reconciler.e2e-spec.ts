import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TasksRepository } from '@papermill/database';
import { DocumentQueue } from '@papermill/queue';
import { StorageService, taskKeys } from '@papermill/storage';
import { randomUUID } from 'node:crypto';
import { ReconcilerService } from '../../apps/worker/src/conversion/reconciler.service.js';
import { ApiClient } from '../support/client.js';
import { inFlightCount, sql } from '../support/db.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';
import { waitFor } from '../support/wait.js';

// Past the reconciler's grace period (60 s), as if the rows had been left there for minutes.
const later = () => new Date(Date.now() + 5 * 60_000);
const OWNER = { kind: 'user', userId: 'reconciler-test' } as const;

interface Row {
  status: string;
  error_message: string | null;
}

describe('reconciler: tasks left in flight without a live job', () => {
  let stack: Stack;
  let client: ApiClient;
  let pdf: Buffer;
  let queue: DocumentQueue;
  let reconciler: ReconcilerService;

  const row = async (id: string): Promise<Row> =>
    (
      await sql<Row>(stack.config.DATABASE_URL, 'SELECT status, error_message FROM tasks WHERE id = $1', [id])
    )[0];

  const waitForEnd = (id: string) =>
    waitFor(
      `task ${id} to end`,
      async () => {
        const current = await row(id);
        return current.status === 'DONE' || current.status === 'FAILED' ? current : undefined;
      },
      60_000,
    );

  /** A row written as the api writes it, with its input stored, in `status`, and no job at all. */
  const orphanRow = async (status: string, attempts = 0): Promise<string> => {
    const id = randomUUID();
    const keys = taskKeys(id);
    await stack.api.get(StorageService).put(keys.input, pdf, pdf.length, 'application/pdf');
    await stack.api
      .get(TasksRepository)
      .create({ id, fileName: 'orphan.pdf', inputPath: keys.input, owner: OWNER });
    await sql(stack.config.DATABASE_URL, 'UPDATE tasks SET status = $2, attempts = $3 WHERE id = $1', [
      id,
      status,
      attempts,
    ]);
    return id;
  };

  beforeAll(async () => {
    pdf = await buildPdf([['Recovered by the reconciler', 'A task nobody was going to run.']]);
    stack = await startStack();
    client = new ApiClient(stack.url);
    queue = stack.api.get(DocumentQueue);
    reconciler = stack.worker!.get(ReconcilerService);
  });

  afterAll(async () => {
    await queue?.queue.resume();
    await stack?.close();
  });

  it('re-enqueues PENDING, QUEUED and PROCESSING rows without a job, fails worn-out ones, leaves live jobs alone', async () => {
    // The queue paused: uploads keep a live (waiting) job that no worker takes yet.
    await queue.queue.pause();
    const live = await client.upload(pdf, 'live.pdf');
    const lost = await client.upload(pdf, 'lost job.pdf');
    expect([live.status, lost.status]).toEqual([201, 201]);
    const liveId = String(live.body.id);
    const lostId = String(lost.body.id);
    // Redis lost the job (a flush, a failover): the row says QUEUED and nothing will ever run it.
    await (await queue.queue.getJob(lostId))!.remove();

    const pendingId = await orphanRow('PENDING');
    const processingId = await orphanRow('PROCESSING', 1);
    const wornOutId = await orphanRow('PROCESSING', 3);

    // Within the grace period nothing is touched: an upload may still be between its row and its job.
    expect(await reconciler.reconcile(new Date())).toBe(0);

    expect(await reconciler.reconcile(later())).toBe(4);
    expect(await row(wornOutId)).toEqual({
      status: 'FAILED',
      error_message: 'The conversion was interrupted too many times; please upload the file again',
    });
    for (const id of [lostId, pendingId, processingId, liveId]) {
      expect((await row(id)).status).toBe('QUEUED');
      expect(await queue.hasLiveJob(id)).toBe(true);
    }
    // A second pass finds nothing more to do: every one has a live job now.
    expect(await reconciler.reconcile(later())).toBe(0);

    await queue.queue.resume();
    for (const id of [lostId, pendingId, processingId, liveId]) {
      expect(await waitForEnd(id)).toEqual({ status: 'DONE', error_message: null });
    }
    expect(await inFlightCount(stack.config.DATABASE_URL)).toBe(0);
  }, 120_000);

  it('reaches a stuck task behind a backlog of more than one page of tasks with live jobs', async () => {
    await queue.queue.pause();
    const backlog: string[] = [];
    for (let i = 0; i < 120; i++) {
      const id = randomUUID();
      await stack.api
        .get(TasksRepository)
        .create({ id, fileName: 'backlog.pdf', inputPath: taskKeys(id).input, owner: OWNER });
      await sql(stack.config.DATABASE_URL, `UPDATE tasks SET status = 'QUEUED' WHERE id = $1`, [id]);
      await queue.enqueueConversion(id);
      backlog.push(id);
    }
    // The newest row, so the oldest-first pass meets it last.
    const stuckId = await orphanRow('PENDING');

    expect(await reconciler.reconcile(later())).toBe(1);
    expect((await row(stuckId)).status).toBe('QUEUED');
    expect(await queue.hasLiveJob(stuckId)).toBe(true);

    // Drop the backlog (its inputs were never stored), then let the stuck task run.
    for (const id of backlog) await (await queue.queue.getJob(id))?.remove();
    await sql(stack.config.DATABASE_URL, 'DELETE FROM tasks WHERE id = ANY($1)', [backlog]);
    await queue.queue.resume();
    expect(await waitForEnd(stuckId)).toEqual({ status: 'DONE', error_message: null });
  }, 120_000);
});
