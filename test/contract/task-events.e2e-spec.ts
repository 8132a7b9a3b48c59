import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplicationContext } from '@nestjs/common';
import { TaskEvents } from '@papermill/queue';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';
import { claims, hs256 } from '../auth/tokens.js';
import { ApiClient } from '../support/client.js';
import { openEventStream, StreamEvent } from '../support/event-stream.js';
import { startStack, Stack } from '../support/stack.js';
import { buildLongPdf, buildPdf } from '../support/test-pdf.js';
import { waitFor } from '../support/wait.js';

type Task = Record<string, unknown> & { id: string; status: string };

const RANK: Record<string, number> = { QUEUED: 0, PROCESSING: 1, DONE: 2, FAILED: 2 };
const taskOf = (event: StreamEvent) => JSON.parse(event.data ?? 'null') as Task;

describe('task progress and GET /tasks/{task_id}/events', () => {
  // No worker of its own: tasks stay QUEUED until a test starts one.
  let stack: Stack;
  let worker: INestApplicationContext | undefined;
  let alice: Record<string, string>;
  let bob: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ worker: false, env: { EVENTS_KEEPALIVE_SECONDS: '1' } });
    alice = { authorization: `Bearer ${await hs256(claims('events-alice'))}` };
    bob = { authorization: `Bearer ${await hs256(claims('events-bob'))}` };
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await stack?.close();
  }, 60_000);

  const upload = async (pdf: Buffer) => {
    const { status, body } = await new ApiClient(stack.url, alice).upload(pdf, 'paper.pdf');
    expect(status).toBe(201);
    return body as Task;
  };
  const eventsOf = (id: string, headers: Record<string, string> = alice) =>
    openEventStream(`${stack.url}/tasks/${id}/events`, headers);

  it('answers page_count null and pages_done 0 until the worker has opened the document', async () => {
    const task = await upload(await buildPdf([['One'], ['Two']]));
    expect(task).toMatchObject({ status: 'QUEUED', page_count: null, pages_done: 0 });
    const client = new ApiClient(stack.url, alice);
    expect((await client.json('GET', `/tasks/${task.id}`)).body).toMatchObject({
      page_count: null,
      pages_done: 0,
    });
    const list = await client.json<{ items: Task[] }>('GET', '/tasks');
    expect(list.body.items.find((item) => item.id === task.id)).toMatchObject({
      page_count: null,
      pages_done: 0,
    });
  });

  it('sends the current state at once, keep-alive comments while nothing changes, and 404 to another owner', async () => {
    const task = await upload(await buildPdf([['Waiting']]));
    const stream = await eventsOf(task.id);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      // Nothing converts on this stack yet: the only event there can be is the state at connection.
      const first = await stream.next(5000);
      expect(first).toMatchObject({ event: 'task', id: expect.stringMatching(/^\d+$/) });
      const got = await new ApiClient(stack.url, alice).json('GET', `/tasks/${task.id}`);
      expect(taskOf(first!)).toEqual(got.body);
      expect(await stream.next(5000)).toEqual({ comment: 'keep-alive' });
    } finally {
      stream.close();
    }

    const other = await new ApiClient(stack.url, bob).json('GET', `/tasks/${task.id}/events`);
    expect(other).toMatchObject({ status: 404, body: { detail: 'Task not found' } });
    const guest = await new ApiClient(stack.url).json('GET', `/tasks/${task.id}/events`);
    expect(guest).toMatchObject({ status: 404, body: { detail: 'Task not found' } });
    const malformed = await new ApiClient(stack.url, alice).json('GET', '/tasks/not-a-uuid/events');
    expect(malformed.status).toBe(422);
  }, 30_000);

  it('forgets a client that left: no subscription is kept', async () => {
    const events = stack.api.get(TaskEvents);
    const task = await upload(await buildPdf([['Left alone']]));
    const stream = await eventsOf(task.id);
    await stream.next(5000);
    expect(events.listenedTasks).toBeGreaterThan(0);
    stream.close();
    await waitFor('the stream to be released', () => events.listenedTasks === 0, 10_000);
  }, 30_000);

  it('follows a conversion to DONE with progress, ends the stream, and resumes from Last-Event-ID', async () => {
    const task = await upload(await buildLongPdf(40));
    const stream = await eventsOf(task.id);
    const first = await stream.next(5000);
    expect(taskOf(first!)).toMatchObject({ status: 'QUEUED', page_count: null, pages_done: 0 });
    // A worker elsewhere (another application, as another machine would be) does the work.
    worker = await createWorkerApp(stack.config);
    const rest = await stream.rest(60_000);
    const events = [first!, ...rest];
    const tasks = events.map(taskOf);
    expect(events.every((event) => event.event === 'task' && /^\d+$/.test(event.id ?? ''))).toBe(true);
    // Statuses only move forward, progress never goes back, and the stream ends after DONE.
    for (let i = 1; i < tasks.length; i++) {
      expect(RANK[tasks[i].status]).toBeGreaterThanOrEqual(RANK[tasks[i - 1].status]);
      expect(tasks[i].pages_done as number).toBeGreaterThanOrEqual(tasks[i - 1].pages_done as number);
      expect(Number(events[i].id)).toBeGreaterThan(Number(events[i - 1].id));
    }
    const last = tasks.at(-1)!;
    expect(last).toMatchObject({ status: 'DONE', page_count: 40, pages_done: 40 });
    expect(tasks.filter((t) => t.status === 'DONE')).toHaveLength(1);
    expect(tasks.some((t) => t.status === 'PROCESSING')).toBe(true);
    const got = await new ApiClient(stack.url, alice).json('GET', `/tasks/${task.id}`);
    expect(got.body).toEqual(last);

    // A client reconnecting with the id of the first event it saw gets the current state, then the end.
    const again = await eventsOf(task.id, { ...alice, 'last-event-id': first!.id! });
    const resumed = await again.rest(10_000);
    expect(resumed.map(taskOf)).toEqual([last]);
    expect(resumed[0].id).toBe(events.at(-1)!.id);
  }, 90_000);

  it('ends open streams when the api shuts down, so it can close', async () => {
    const other = await startStack({ worker: false });
    try {
      const { body } = await new ApiClient(other.url, alice).upload(await buildPdf([['Open']]), 'open.pdf');
      const stream = await openEventStream(`${other.url}/tasks/${String(body.id)}/events`, alice);
      expect(taskOf((await stream.next(5000))!)).toMatchObject({ status: 'QUEUED' });
      await other.api.close();
      expect(await stream.next(5000)).toBeNull();
    } finally {
      await other.close().catch(() => undefined);
    }
  }, 60_000);
});
