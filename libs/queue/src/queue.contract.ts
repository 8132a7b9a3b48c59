/** Injection token of the document queue; the queue's real name comes from `QUEUE_NAME`. */
export const DOCUMENT_QUEUE = 'document-queue';

/** Job names on the document queue. Never rename one: jobs already in Redis carry these names. */
export enum DocumentJob {
  Convert = 'convert',
}

/** Payloads carry ids, never bytes: the worker reads the input from storage. */
export interface DocumentJobPayloads {
  [DocumentJob.Convert]: { taskId: string };
}

export type DocumentJobData<N extends DocumentJob = DocumentJob> = DocumentJobPayloads[N];

/** Attempts for transient failures (storage, database); a bad PDF fails at once. */
export const CONVERT_ATTEMPTS = 3;
