import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue, QueueEvents } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { DocumentQueueConsumer, JobOf } from './document-queue-consumer.js';
import { DocumentJob } from './queue.contract.js';
import { redisConnection } from './redis-connection.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('DocumentQueueConsumer (real Redis)', () => {
  const prefix = `papermill-consumer-${randomBytes(6).toString('hex')}`;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    const connection = redisConnection(REDIS_URL);
    queue = new Queue('documents', { connection, prefix });
    events = new QueueEvents('documents', { connection, prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await events.close();
    await queue.close();
  });

  it('hands each job to the handler of its name, with its payload, and fails unknown names for good', async () => {
    const seen: string[] = [];
    const worker = new DocumentQueueConsumer(queue).start(
      {
        [DocumentJob.Convert]: async (job: JobOf<DocumentJob.Convert>) => {
          seen.push(job.data.taskId);
        },
        [DocumentJob.Webhook]: async (job: JobOf<DocumentJob.Webhook>) => {
          seen.push(`webhook ${job.data.taskId}`);
        },
      },
      { concurrency: 1 },
    );
    try {
      const convert = await queue.add(DocumentJob.Convert, { taskId: 'task-1' });
      await convert.waitUntilFinished(events, 10_000);
      expect(seen).toEqual(['task-1']);
      const webhook = await queue.add(DocumentJob.Webhook, { taskId: 'task-1' });
      await webhook.waitUntilFinished(events, 10_000);
      expect(seen).toEqual(['task-1', 'webhook task-1']);

      const unknown = await queue.add('shred', { taskId: 'task-2' }, { attempts: 5 });
      await expect(unknown.waitUntilFinished(events, 10_000)).rejects.toThrow('Unknown job shred');
      const failed = await queue.getJob(unknown.id!);
      expect(failed?.attemptsMade).toBe(1);
      expect(seen).toEqual(['task-1', 'webhook task-1']);
    } finally {
      await worker.close();
    }
  });
});
