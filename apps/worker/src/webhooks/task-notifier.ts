import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { TaskEntity, isFinished } from '@papermill/database';
import { DocumentQueue, TaskEvents } from '@papermill/queue';

/**
 * Tells the rest of the system what the worker did to a task: a notice for event streams on every
 * change (any api replica hears it through Redis), and the webhook job when the task has ended.
 * Never throws: the change itself is already recorded in the row.
 */
@Injectable()
export class TaskNotifier {
  private readonly logger = new Logger(TaskNotifier.name);

  constructor(
    private readonly config: ConfigService,
    private readonly events: TaskEvents,
    private readonly queue: DocumentQueue,
  ) {}

  /** After a status change; `task` is what the transition returned (null: it did not happen). */
  async changed(task: TaskEntity | null): Promise<void> {
    if (!task) return;
    await this.progressed(task.id);
    if (!isFinished(task.status) || !task.callbackUrl) return;
    if (!this.config.get('WEBHOOK_SECRET')) {
      this.logger.warn({ taskId: task.id }, 'Webhook not sent: WEBHOOK_SECRET is not set on the worker');
      return;
    }
    try {
      await this.queue.enqueueWebhook(task.id, this.config.get('WEBHOOK_RETRY_DELAY_MS'));
    } catch (error) {
      this.logger.error({ err: error, taskId: task.id }, 'Webhook not queued');
    }
  }

  /** After progress was recorded. */
  async progressed(taskId: string): Promise<void> {
    await this.events.publish(taskId).catch((error: unknown) => {
      this.logger.warn({ err: error, taskId }, 'Task change not published');
    });
  }
}
