import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import {
  CONVERT_ATTEMPTS,
  DOCUMENT_QUEUE,
  DocumentJob,
  DocumentJobData,
  WEBHOOK_ATTEMPTS,
  webhookJobId,
} from './queue.contract.js';

/** Job states in which a worker will still run the job. */
const LIVE_STATES = new Set(['active', 'waiting', 'delayed', 'prioritized']);

/** The producer side of the document queue: the only place jobs are added. */
@Injectable()
export class DocumentQueue {
  constructor(@InjectQueue(DOCUMENT_QUEUE) readonly queue: Queue<DocumentJobData>) {}

  get name(): string {
    return this.queue.name;
  }

  /**
   * Enqueues the conversion of a task with `jobId = taskId`. A finished job with the same id is
   * removed first, since BullMQ silently ignores an add whose id still exists.
   */
  async enqueueConversion(taskId: string): Promise<void> {
    const existing = await this.queue.getJob(taskId);
    if (existing) {
      if (LIVE_STATES.has(await existing.getState())) return;
      await existing.remove();
    }
    await this.queue.add(
      DocumentJob.Convert,
      { taskId },
      {
        jobId: taskId,
        attempts: CONVERT_ATTEMPTS,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { count: 1000, age: 24 * 3600 },
        removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
      },
    );
  }

  /**
   * Enqueues the webhook of a finished task, retried with exponential backoff on network errors and
   * 5xx answers, the first retry after `firstRetryDelayMs`. Its id is fixed per task, so enqueueing it
   * twice still delivers once.
   */
  async enqueueWebhook(taskId: string, firstRetryDelayMs: number): Promise<void> {
    await this.queue.add(
      DocumentJob.Webhook,
      { taskId },
      {
        jobId: webhookJobId(taskId),
        attempts: WEBHOOK_ATTEMPTS,
        backoff: { type: 'exponential', delay: firstRetryDelayMs },
        removeOnComplete: { count: 1000, age: 24 * 3600 },
        removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
      },
    );
  }

  /** True when Redis still holds a job for the task that a worker may run. */
  async hasLiveJob(taskId: string): Promise<boolean> {
    const job = await this.queue.getJob(taskId);
    return job !== undefined && LIVE_STATES.has(await job.getState());
  }

  /** A cheap round trip to Redis, for readiness checks; rejects at once while Redis is down. */
  async ping(): Promise<void> {
    await this.queue.count();
  }
}
