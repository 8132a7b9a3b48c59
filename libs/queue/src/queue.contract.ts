/** Injection token of the document queue; the queue's real name comes from `QUEUE_NAME`. */
export const DOCUMENT_QUEUE = 'document-queue';

/** Job names on the document queue. Never rename one: jobs already in Redis carry these names. */
export enum DocumentJob {
  Convert = 'convert',
  /** POST the finished task to its `callback_url`. */
  Webhook = 'webhook',
}

/** Payloads carry ids, never bytes: the worker reads the input from storage. */
export interface DocumentJobPayloads {
  [DocumentJob.Convert]: { taskId: string };
  /** The task is read again at delivery, so the body is its state then (DONE or FAILED). */
  [DocumentJob.Webhook]: { taskId: string };
}

export type DocumentJobData<N extends DocumentJob = DocumentJob> = DocumentJobPayloads[N];

/** Attempts for transient failures (storage, database); a bad PDF fails at once. */
export const CONVERT_ATTEMPTS = 3;

/**
 * Delivery attempts of one webhook. With exponential backoff from `WEBHOOK_RETRY_DELAY_MS` (10 s by
 * default) the last one comes about 23 hours after the first: 10 s x (2^13 - 1).
 */
export const WEBHOOK_ATTEMPTS = 14;

/** One webhook job per task (BullMQ ignores a second add under the same id): one delivery per task. */
export const webhookJobId = (taskId: string) => `webhook-${taskId}`;
