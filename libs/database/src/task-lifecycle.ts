import { Injectable } from '@nestjs/common';
import { TaskStatus } from './entities/task-status.js';
import { TaskEntity } from './entities/task.entity.js';
import { NewFigure, TasksRepository } from './repositories/tasks.repository.js';

const { Pending, Queued, Processing, Done, Failed } = TaskStatus;

/** Not yet DONE or FAILED: the task may still change, and counts as in flight for quotas. */
export const UNFINISHED_STATUSES: readonly TaskStatus[] = [Pending, Queued, Processing];
/** A worker holds or is about to take the task: it cannot be deleted from under it. */
export const WORKER_HELD_STATUSES: readonly TaskStatus[] = [Queued, Processing];

/** Every status change the service makes, from where to where; nothing else changes a status. */
export const TRANSITIONS = {
  /** api: the row is written, its job is about to be added. */
  queue: { from: [Pending], to: Queued },
  /** api: adding the job failed. */
  failEnqueue: { from: [Pending, Queued], to: Failed },
  /** worker: an attempt starts (PROCESSING too: a stalled job runs again under the same id). */
  start: { from: UNFINISHED_STATUSES, to: Processing },
  /** worker: outputs stored. */
  complete: { from: [Processing], to: Done },
  /** worker: a bad document, or the last transient failure. */
  fail: { from: UNFINISHED_STATUSES, to: Failed },
  /** worker: a transient failure with attempts left; the queue retries the job. */
  retry: { from: [Processing], to: Queued },
  /** reconciler: a task whose job is gone (or never came) gets a new one. */
  requeue: { from: UNFINISHED_STATUSES, to: Queued },
  /** reconciler: a task that kept killing its worker. */
  failInterrupted: { from: [Processing], to: Failed },
} as const satisfies Record<string, { from: readonly TaskStatus[]; to: TaskStatus }>;

/**
 * The one owner of task status changes, for the api, the worker and the reconciler alike. Each
 * change is a compare-and-set from the statuses its transition allows, so two processes can never
 * overwrite each other's changes: a method returns null when the task was no longer in one of them.
 */
@Injectable()
export class TaskLifecycle {
  constructor(private readonly tasks: TasksRepository) {}

  queued(id: string): Promise<TaskEntity | null> {
    return this.move(id, 'queue');
  }

  enqueueFailed(id: string, errorMessage: string): Promise<TaskEntity | null> {
    return this.move(id, 'failEnqueue', { errorMessage });
  }

  /** PROCESSING with progress reset and `attempts` raised to at least `attempt` (see TasksRepository). */
  started(id: string, attempt: number): Promise<TaskEntity | null> {
    return this.tasks.startAttempt(id, TRANSITIONS.start.from, attempt);
  }

  /** DONE with its output and figures, in one transaction; null when the task went meanwhile. */
  completed(id: string, outputPath: string, figures: NewFigure[], pageCount: number) {
    return this.tasks.complete(id, TRANSITIONS.complete.from, outputPath, figures, pageCount);
  }

  failed(id: string, errorMessage: string): Promise<TaskEntity | null> {
    return this.move(id, 'fail', { errorMessage });
  }

  retrying(id: string): Promise<TaskEntity | null> {
    return this.move(id, 'retry');
  }

  /** Back to QUEUED from `current` (what the reconciler saw), so a change since then wins. */
  requeued(id: string, current: TaskStatus): Promise<TaskEntity | null> {
    if (!TRANSITIONS.requeue.from.some((status) => status === current)) return Promise.resolve(null);
    return this.tasks.transition(id, [current], TRANSITIONS.requeue.to);
  }

  interrupted(id: string, errorMessage: string): Promise<TaskEntity | null> {
    return this.move(id, 'failInterrupted', { errorMessage });
  }

  private move(id: string, name: keyof typeof TRANSITIONS, patch: { errorMessage?: string } = {}) {
    const { from, to } = TRANSITIONS[name];
    return this.tasks.transition(id, from, to, patch);
  }
}
