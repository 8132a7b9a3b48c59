import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DocumentQueue } from '@papermill/queue';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/client.js';
import { sql } from '../support/db.js';
import { childPids, isRunning, NodeProcess, startWorkerProcess } from '../support/processes.js';
import { startStack, Stack } from '../support/stack.js';
import { buildLongPdf } from '../support/test-pdf.js';
import { waitFor } from '../support/wait.js';

// Long enough that the conversion is still running when the worker is killed (several seconds).
const PAGES = 600;
// A short job lock, so the killed worker's job is seen stalled in seconds rather than a minute.
const LOCK_SECONDS = 3;

/** Keys stored for a task, relative to the local storage root. */
async function storedFiles(root: string, id: string): Promise<string[]> {
  const found: string[] = [];
  for (const prefix of [`uploads/${id}`, `outputs/${id}`, `${id}`]) {
    const entries = await readdir(join(root, prefix), { recursive: true, withFileTypes: true }).catch(
      () => [],
    );
    for (const entry of entries) {
      if (entry.isFile()) found.push(join(entry.parentPath, entry.name).slice(root.length + 1));
    }
  }
  return found.sort();
}

function processReport(worker: NodeProcess): string {
  const { exitCode, signalCode } = worker.child;
  return `exit ${String(exitCode ?? signalCode)}, output: ${worker.output().slice(-3000) || '(none)'}`;
}

async function leftoverWorkDirs(id: string): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith(`papermill-${id}-`));
}

describe('worker process killed or stopped during a conversion (api in-process, worker as a child process)', () => {
  let stack: Stack;
  let client: ApiClient;
  let pdf: Buffer;
  const workers: NodeProcess[] = [];

  const startWorker = () => {
    // Warnings and errors go to the captured output, shown when a wait fails.
    const worker = startWorkerProcess({ ...stack.env, LOG_LEVEL: 'warn' });
    workers.push(worker);
    return worker;
  };

  /** Uploads the long PDF and waits until `worker` runs its conversion in a child process. */
  const uploadAndWaitForConversion = async (worker: NodeProcess) => {
    const created = await client.upload(pdf, 'long survey.pdf');
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    const children = await waitFor(
      'the conversion child process',
      async () => {
        if (worker.child.exitCode !== null) throw new Error(`worker exited: ${processReport(worker)}`);
        const { body } = await client.json<{ status: string }>('GET', `/tasks/${id}`);
        if (body.status !== 'PROCESSING') return undefined;
        const pids = await childPids(worker.pid);
        return pids.length ? pids : undefined;
      },
      60_000,
    );
    return { id, children };
  };

  beforeAll(async () => {
    pdf = await buildLongPdf(PAGES);
    stack = await startStack({
      worker: false,
      env: { WORKER_LOCK_SECONDS: String(LOCK_SECONDS), WORKER_CONCURRENCY: '1' },
    });
    client = new ApiClient(stack.url);
  });

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await stack?.close();
  });

  it('SIGKILL: the conversion child goes too; a new worker takes the job again and ends it DONE', async () => {
    const first = startWorker();
    const { id, children } = await uploadAndWaitForConversion(first);

    first.signal('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // The conversion child stops by itself once its parent's IPC channel is gone: no orphan.
    await waitFor(
      'the orphaned conversion child to exit',
      async () => !(await Promise.all(children.map(isRunning))).some(Boolean),
      20_000,
    );
    // Nobody has noticed yet: the row stays PROCESSING until the job's lock expires.
    expect((await client.json<{ status: string }>('GET', `/tasks/${id}`)).body.status).toBe('PROCESSING');

    const second = startWorker();
    // Bounded by the stalled-job check: one to two lock lifetimes, then the conversion itself.
    const task = await client.waitForTask(id, 90_000).catch((error: Error) => {
      throw new Error(`${error.message}; worker: ${processReport(second)}`);
    });
    expect(task).toMatchObject({
      status: 'DONE',
      error_message: null,
      output_path: `outputs/${id}/result.md`,
    });

    const figures = await client.json<{ total: number; items: { figure_index: number; s3_key: string }[] }>(
      'GET',
      `/tasks/${id}/figures`,
    );
    expect(figures.body).toMatchObject({
      total: 1,
      items: [{ figure_index: 1, s3_key: `${id}/figures/picture-1.png` }],
    });
    expect(await storedFiles(stack.config.STORAGE_DIR, id)).toEqual([
      `${id}/figures/picture-1.png`,
      `outputs/${id}/result.assets.json`,
      `outputs/${id}/result.md`,
      `uploads/${id}/input.pdf`,
    ]);
    // The killed attempt's work folder was cleared by the next attempt.
    expect(await leftoverWorkDirs(id)).toEqual([]);
    // Both starts are counted (the job's own counter misses stalls): a task that keeps killing
    // its worker is eventually failed by the reconciler rather than run forever.
    const [{ attempts }] = await sql<{ attempts: number }>(
      stack.config.DATABASE_URL,
      'SELECT attempts FROM tasks WHERE id = $1',
      [id],
    );
    expect(attempts).toBe(2);

    // Another attempt over existing outputs (as after a crash between upload and DONE) replaces
    // them: the same keys and one figure row, not duplicates.
    const markdown = await (await client.request('GET', `/tasks/${id}/download`)).text();
    await sql(stack.config.DATABASE_URL, `UPDATE tasks SET status = 'QUEUED' WHERE id = $1`, [id]);
    await stack.api.get(DocumentQueue).enqueueConversion(id);
    const again = await client.waitForTask(id, 90_000);
    expect(again.status).toBe('DONE');
    const rows = await sql<{ figure_index: number; s3_key: string }>(
      stack.config.DATABASE_URL,
      'SELECT figure_index, s3_key FROM figures WHERE task_id = $1',
      [id],
    );
    expect(rows).toEqual([{ figure_index: 1, s3_key: `${id}/figures/picture-1.png` }]);
    expect(await storedFiles(stack.config.STORAGE_DIR, id)).toHaveLength(4);
    expect(await (await client.request('GET', `/tasks/${id}/download`)).text()).toBe(markdown);

    second.signal('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 240_000);

  it('SIGTERM: the worker finishes the active conversion, then exits 0', async () => {
    const worker = startWorker();
    const { id } = await uploadAndWaitForConversion(worker);

    worker.signal('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    // The job was finished before the process left, not abandoned to the stalled-job check.
    const { body } = await client.json<Record<string, unknown>>('GET', `/tasks/${id}`);
    expect(body).toMatchObject({ status: 'DONE', error_message: null });
    expect(await leftoverWorkDirs(id)).toEqual([]);
    const rows = await sql<{ n: number }>(
      stack.config.DATABASE_URL,
      `SELECT count(*)::int AS n FROM tasks WHERE status IN ('PENDING', 'QUEUED', 'PROCESSING')`,
    );
    expect(rows[0].n).toBe(0);
  }, 180_000);
});
