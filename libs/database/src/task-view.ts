import { TaskStatus } from './entities/task-status.js';
import { TaskEntity } from './entities/task.entity.js';
import type { TaskListing } from './repositories/tasks.repository.js';

/**
 * The contract's Task object: what the api answers, what its event streams carry and what webhooks
 * post. One mapping, so the three can never drift apart.
 */
export interface TaskView {
  id: string;
  file_name: string;
  status: TaskStatus;
  input_path: string;
  output_path: string | null;
  error_message: string | null;
  /** Null until the worker has opened the document. */
  page_count: number | null;
  /** Pages converted so far, 0..page_count. */
  pages_done: number;
  created_at: string;
  updated_at: string;
}

const iso = (value: Date | string) => (typeof value === 'string' ? value : value.toISOString());

export function taskView(task: TaskEntity | TaskListing): TaskView {
  const pageCount = task.pageCount ?? null;
  return {
    id: task.id,
    file_name: task.fileName,
    status: task.status,
    input_path: task.inputPath,
    output_path: task.outputPath,
    error_message: task.errorMessage,
    page_count: pageCount,
    // A count left from an earlier attempt never exceeds what is known of the document.
    pages_done: Math.max(0, Math.min(task.pagesDone ?? 0, pageCount ?? 0)),
    created_at: iso(task.createdAt),
    updated_at: iso(task.updatedAt),
  };
}

/** DONE or FAILED: the task will not change again. */
export const isFinished = (status: TaskStatus) => status === TaskStatus.Done || status === TaskStatus.Failed;
