export enum TaskStatus {
  Pending = 'PENDING',
  Queued = 'QUEUED',
  Processing = 'PROCESSING',
  Done = 'DONE',
  Failed = 'FAILED',
}

/** Statuses in which a worker may still act on the task. */
export const IN_FLIGHT_STATUSES: readonly TaskStatus[] = [TaskStatus.Queued, TaskStatus.Processing];
