import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import {
  TaskEntity,
  TaskLifecycle,
  TasksRepository,
  TaskStatus,
  UNFINISHED_STATUSES,
} from '@papermill/database';
import { CONVERT_ATTEMPTS, DocumentQueue } from '@papermill/queue';
import { PeriodicPass } from '../common/periodic-pass.js';
import { TaskNotifier } from '../webhooks/task-notifier.js';

/** A task younger than this may still be between its row and its job (an upload in progress). */
const GRACE_MS = 60_000;
/** Stale tasks read at once. */
const PAGE_SIZE = 100;

/**
 * Makes sure no task stays in flight forever: PENDING or QUEUED rows whose job never arrived are
 * enqueued again; PROCESSING rows whose job is gone (a worker killed between attempts, Redis data
 * lost) are enqueued again or, after too many attempts, FAILED.
 */
@Injectable()
export class ReconcilerService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReconcilerService.name);
  private readonly passes = new PeriodicPass(
    async () => void (await this.reconcile()),
    (error) => this.logger.warn({ err: error }, 'Reconciliation pass failed'),
  );

  constructor(
    private readonly config: ConfigService,
    private readonly tasks: TasksRepository,
    private readonly lifecycle: TaskLifecycle,
    private readonly queue: DocumentQueue,
    private readonly notifier: TaskNotifier,
  ) {}

  onModuleInit(): void {
    this.passes.start(this.config.get('RECONCILE_INTERVAL_SECONDS') * 1000);
  }

  /** Before the database and the queue close (on application shutdown), so a running pass can end. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }

  /**
   * One pass over every stale task; returns how many it acted on. Pages through them all: a backlog
   * of tasks waiting for a busy worker (live jobs, left alone) must not hide stuck ones behind it.
   */
  async reconcile(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - GRACE_MS);
    const seen = new Set<string>();
    let acted = 0;
    let offset = 0;
    for (;;) {
      const page = await this.tasks.findStale(UNFINISHED_STATUSES, before, PAGE_SIZE, offset);
      // Rows left as they were stay in the stale set: the next page starts after them.
      let left = 0;
      for (const task of page) {
        if (seen.has(task.id) || (await this.queue.hasLiveJob(task.id))) {
          seen.add(task.id);
          left++;
          continue;
        }
        seen.add(task.id);
        acted++;
        await this.resolve(task);
      }
      if (page.length < PAGE_SIZE) return acted;
      offset += left;
    }
  }

  private async resolve(task: TaskEntity): Promise<void> {
    if (task.status === TaskStatus.Processing && task.attempts >= CONVERT_ATTEMPTS) {
      await this.notifier.changed(
        await this.lifecycle.interrupted(
          task.id,
          'The conversion was interrupted too many times; please upload the file again',
        ),
      );
      return;
    }
    const requeued = await this.lifecycle.requeued(task.id, task.status);
    if (!requeued) return;
    await this.notifier.changed(requeued);
    await this.queue.enqueueConversion(task.id);
    this.logger.warn({ taskId: task.id, was: task.status }, 'Task re-enqueued by the reconciler');
  }
}
