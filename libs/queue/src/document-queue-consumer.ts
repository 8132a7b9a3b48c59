import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Job, Queue, UnrecoverableError, Worker, WorkerOptions } from 'bullmq';
import { DOCUMENT_QUEUE, DocumentJob, DocumentJobData } from './queue.contract.js';

/** A job of one name, its payload typed by that name. */
export type JobOf<N extends DocumentJob> = Job<DocumentJobData<N>, void, N>;

/** One handler per job name: adding a job type to the contract makes this map incomplete until it is handled. */
export type DocumentJobHandlers = { [N in DocumentJob]: (job: JobOf<N>) => Promise<void> };

/** The consumer side of the document queue: a BullMQ worker on it that hands each job to its handler. */
@Injectable()
export class DocumentQueueConsumer {
  constructor(@InjectQueue(DOCUMENT_QUEUE) private readonly queue: Queue) {}

  /** Starts consuming with the queue's own connection and prefix; a job of an unknown name fails for good. */
  start(
    handlers: DocumentJobHandlers,
    options: Omit<WorkerOptions, 'connection' | 'prefix'>,
  ): Worker<DocumentJobData, void, DocumentJob> {
    const { connection, prefix } = this.queue.opts;
    return new Worker<DocumentJobData, void, DocumentJob>(this.queue.name, (job) => dispatch(handlers, job), {
      ...options,
      connection,
      prefix,
    });
  }
}

function dispatch(handlers: DocumentJobHandlers, job: Job<DocumentJobData, void, DocumentJob>) {
  if (!Object.values(DocumentJob).includes(job.name)) {
    throw new UnrecoverableError(`Unknown job ${job.name}`);
  }
  // The name picks the handler, and the handler's payload type is the one that name carries.
  const handler = handlers[job.name] as (job: JobOf<DocumentJob>) => Promise<void>;
  return handler(job as JobOf<DocumentJob>);
}
