export enum TaskStatus {
  Pending = 'PENDING',
  Queued = 'QUEUED',
  Processing = 'PROCESSING',
  Done = 'DONE',
  Failed = 'FAILED',
}
