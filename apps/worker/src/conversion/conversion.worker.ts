import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { DocumentJob, DocumentJobData, DocumentQueueConsumer, JobOf } from '@papermill/queue';
import { PdfConversionError } from '@papermill/pdf';
import { UnrecoverableError, Worker } from 'bullmq';
import { WebhookDeliveryService } from '../webhooks/webhook-delivery.service.js';
import { ConversionService } from './conversion.service.js';

/**
 * Runs the document queue's jobs (conversions, and the webhooks of finished tasks). The worker comes from the queue library's consumer rather than
 * `@Processor()` because the queue's name comes from configuration (`QUEUE_NAME`), which a
 * decorator cannot read.
 */
@Injectable()
export class ConversionWorker implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(ConversionWorker.name);
  private worker?: Worker<DocumentJobData, void, DocumentJob>;

  constructor(
    private readonly config: ConfigService,
    private readonly consumer: DocumentQueueConsumer,
    private readonly conversions: ConversionService,
    private readonly webhooks: WebhookDeliveryService,
  ) {}

  onModuleInit(): void {
    // How long a job's lock lives without renewal (renewed at half this while the job runs): the job
    // of a killed worker is seen stalled and taken again within one to two lock lifetimes.
    const lockMs = this.config.get('WORKER_LOCK_SECONDS') * 1000;
    this.worker = this.consumer.start(
      {
        [DocumentJob.Convert]: (job) => this.convert(job),
        [DocumentJob.Webhook]: (job) => this.webhooks.deliver(job),
      },
      {
        concurrency: this.config.get('WORKER_CONCURRENCY'),
        lockDuration: lockMs,
        stalledInterval: lockMs,
        // A job that stalls again and again (it kills its worker each time) is failed, not looped. No
        // 'failed' event reaches this worker for it: the row stays PROCESSING until the reconciler
        // fails it (its `attempts` count every start, stalls included).
        maxStalledCount: 2,
      },
    );
    this.worker.on('failed', (job, error) => {
      if (job?.name === DocumentJob.Convert) void this.onFailed(job as JobOf<DocumentJob.Convert>, error);
    });
    this.worker.on('error', (error) => this.logger.error({ err: error }, 'Queue connection error'));
  }

  /**
   * Stops taking jobs and waits for the active conversions to finish. Before (not on) application
   * shutdown: the database and the queue close on shutdown, and the active jobs still need both to
   * record their outcome. A job cut short by a hard kill is taken again after its lock expires.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async convert(job: JobOf<DocumentJob.Convert>): Promise<void> {
    const { taskId } = job.data;
    try {
      const outcome = await this.conversions.convert(taskId, job.attemptsMade + 1, (percent) => {
        void job.updateProgress(percent).catch(() => undefined);
      });
      this.logger.log({ taskId, outcome }, 'Conversion finished');
    } catch (error) {
      if (error instanceof PdfConversionError) {
        await this.conversions.fail(taskId, error.message);
        this.logger.warn({ taskId, reason: error.reason }, error.message);
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  }

  /** Transient failures are retried with backoff; the last one ends the task FAILED. */
  private async onFailed(job: JobOf<DocumentJob.Convert>, error: Error): Promise<void> {
    if (error instanceof UnrecoverableError || error.name === 'UnrecoverableError') return;
    const { taskId } = job.data;
    const attempts = job.opts.attempts ?? 1;
    this.logger.error({ err: error, taskId, attempt: job.attemptsMade }, 'Conversion attempt failed');
    try {
      if (job.attemptsMade >= attempts) {
        await this.conversions.fail(
          taskId,
          'The conversion failed because of a temporary problem; please try again',
        );
      } else {
        await this.conversions.requeue(taskId);
      }
    } catch (stateError) {
      this.logger.error(
        { err: stateError, taskId },
        'Task state not updated; the reconciler will resolve it',
      );
    }
  }
}
