import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { TasksRepository, TaskStatus, isFinished, taskView } from '@papermill/database';
import { DocumentJob, JobOf } from '@papermill/queue';
import { UnrecoverableError } from 'bullmq';
import { postWebhook } from './webhook-request.js';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';

/**
 * Delivers a finished task's webhook: `{"event", "task"}` signed with WEBHOOK_SECRET. A network
 * error or a 5xx throws, so the queue retries with backoff; a 4xx, a redirect or a forbidden
 * address ends the job for good. Every attempt is logged.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    private readonly config: ConfigService,
    private readonly tasks: TasksRepository,
  ) {}

  async deliver(job: JobOf<DocumentJob.Webhook>): Promise<void> {
    const { taskId } = job.data;
    const attempt = job.attemptsMade + 1;
    const secret = this.config.get('WEBHOOK_SECRET');
    if (!secret) throw new UnrecoverableError('Webhooks are not enabled (WEBHOOK_SECRET is not set)');
    const task = await this.tasks.findById(taskId);
    if (!task?.callbackUrl || !isFinished(task.status)) {
      this.logger.warn({ taskId }, 'Webhook dropped: the task is gone or not finished');
      return;
    }
    const event = task.status === TaskStatus.Done ? 'task.done' : 'task.failed';
    const body = JSON.stringify({ event, task: taskView(task) });
    const signature = signWebhook(secret, body, Math.floor(Date.now() / 1000));
    const outcome = await postWebhook(
      task.callbackUrl,
      body,
      { [SIGNATURE_HEADER]: signature, 'user-agent': 'Papermill-Webhooks' },
      this.config.get('WEBHOOK_ALLOWED_HOSTS'),
    );
    const host = new URL(task.callbackUrl).host;
    const context = { taskId, event, host, attempt, status: outcome.status };
    switch (outcome.kind) {
      case 'delivered':
        this.logger.log(context, 'Webhook delivered');
        return;
      case 'refused':
        this.logger.warn({ ...context, reason: outcome.reason }, 'Webhook refused; not retried');
        throw new UnrecoverableError(`Webhook refused: ${outcome.reason}`);
      case 'retry': {
        const last = attempt >= (job.opts.attempts ?? 1);
        this.logger.warn(
          { ...context, reason: outcome.reason },
          last ? 'Webhook not delivered; giving up' : 'Webhook not delivered; will retry',
        );
        throw new Error(`Webhook not delivered: ${outcome.reason}`);
      }
    }
  }
}
