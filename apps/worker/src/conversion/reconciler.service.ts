import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { TasksRepository, TaskStatus } from '@papermill/database';
import { CONVERT_ATTEMPTS, DocumentQueue } from '@papermill/queue';

/** A task younger than this may still be between its row and its job (an upload in progress). */
const GRACE_MS = 60_000;

/**
 * Makes sure no task stays in flight forever: PENDING or QUEUED rows whose job never arrived are
 * enqueued again; PROCESSING rows whose job is gone (a worker killed between attempts, Redis data
 * lost) are enqueued again or, after too many attempts, FAILED.
 */
@Injectable()
export class ReconcilerService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReconcilerService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly config: ConfigService,
    private readonly tasks: TasksRepository,
    private readonly queue: DocumentQueue,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(
      () => {
        this.running ??= this.reconcile()
          .then(() => undefined)
          .catch((error: unknown) => this.logger.warn({ err: error }, 'Reconciliation pass failed'))
          .finally(() => (this.running = undefined));
      },
      this.config.get('RECONCILE_INTERVAL_SECONDS') * 1000,
    );
    this.timer.unref();
  }

  /** Before the database and the queue close (on application shutdown), so a running pass can end. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many tasks it acted on. */
  async reconcile(now = new Date()): Promise<number> {
    const stale = await this.tasks.findStale(
      [TaskStatus.Pending, TaskStatus.Queued, TaskStatus.Processing],
      new Date(now.getTime() - GRACE_MS),
    );
    let acted = 0;
    for (const task of stale) {
      if (await this.queue.hasLiveJob(task.id)) continue;
      acted++;
      if (task.status === TaskStatus.Processing && task.attempts >= CONVERT_ATTEMPTS) {
        await this.tasks.transition(task.id, TaskStatus.Processing, TaskStatus.Failed, {
          errorMessage: 'The conversion was interrupted too many times; please upload the file again',
        });
        continue;
      }
      const requeued = await this.tasks.transition(task.id, task.status, TaskStatus.Queued);
      if (!requeued) continue;
      await this.queue.enqueueConversion(task.id);
      this.logger.warn({ taskId: task.id, was: task.status }, 'Task re-enqueued by the reconciler');
    }
    return acted;
  }
}
