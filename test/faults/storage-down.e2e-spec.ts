import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CONVERT_ATTEMPTS, DocumentQueue } from '@papermill/queue';
import { ApiClient } from '../support/client.js';
import { inFlightCount, sql } from '../support/db.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';
import { waitFor } from '../support/wait.js';

// Serving figure files while storage is down (502) is covered in test/contract/figures.e2e-spec.ts.
describe('object storage failing under the worker (s3rver stopped and started again)', () => {
  let stack: Stack;
  let client: ApiClient;
  let pdf: Buffer;
  let queue: DocumentQueue;

  /**
   * Uploads while the queue is paused (so no attempt runs yet), stops the S3 server, then lets the
   * worker take the job: its first attempt finds storage down.
   */
  const uploadThenStopStorage = async (name: string): Promise<string> => {
    await queue.queue.pause();
    const created = await client.upload(pdf, name);
    expect(created.status).toBe(201);
    await stack.s3!.pause();
    await queue.queue.resume();
    return String(created.body.id);
  };

  const attemptsMade = async (id: string) => (await queue.queue.getJob(id))?.attemptsMade ?? 0;

  beforeAll(async () => {
    pdf = await buildPdf([['Stored again after an outage', 'The bucket went away for a moment.']]);
    stack = await startStack({ storage: 's3' });
    client = new ApiClient(stack.url);
    queue = stack.api.get(DocumentQueue);
  });

  afterAll(async () => {
    await queue?.queue.resume();
    await stack?.s3?.resume();
    await stack?.close();
  });

  it('retries with backoff and ends DONE once storage is back', async () => {
    const id = await uploadThenStopStorage('comes back.pdf');
    // The first attempt failed on storage; the job waits for its retry and the row is QUEUED again.
    await waitFor(
      'a failed attempt, back in the queue',
      async () => {
        const [row] = await sql(stack.config.DATABASE_URL, 'SELECT status FROM tasks WHERE id = $1', [id]);
        return (await attemptsMade(id)) >= 1 && row.status === 'QUEUED';
      },
      30_000,
      50,
    );
    await stack.s3!.resume();

    const task = await client.waitForTask(id, 60_000);
    expect(task).toMatchObject({ status: 'DONE', error_message: null });
    expect(await attemptsMade(id)).toBeLessThan(CONVERT_ATTEMPTS);
    const download = await client.request('GET', `/tasks/${id}/download`);
    expect(download.status).toBe(200);
    expect(await download.text()).toContain('Stored again after an outage');
  }, 90_000);

  it('ends FAILED with a plain sentence after the last attempt when storage stays down', async () => {
    const id = await uploadThenStopStorage('stays down.pdf');
    const task = await client.waitForTask(id, 60_000);
    expect(task).toMatchObject({
      status: 'FAILED',
      error_message: 'The conversion failed because of a temporary problem; please try again',
    });
    expect(await attemptsMade(id)).toBe(CONVERT_ATTEMPTS);
    expect(await queue.hasLiveJob(id)).toBe(false);
    expect(await inFlightCount(stack.config.DATABASE_URL)).toBe(0);

    // Storage back: the service works again without a restart.
    await stack.s3!.resume();
    const next = await client.upload(pdf, 'after the outage.pdf');
    expect(next.status).toBe(201);
    expect((await client.waitForTask(String(next.body.id))).status).toBe('DONE');
  }, 90_000);
});
