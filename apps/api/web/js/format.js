// How a task's state reads to a person.

const LABELS = {
  PENDING: 'Waiting',
  QUEUED: 'Queued',
  PROCESSING: 'Converting',
  DONE: 'Done',
  FAILED: 'Failed',
};

export const statusLabel = (status) => LABELS[status] ?? status;

const hasPageCount = (task) => Number.isInteger(task.page_count) && task.page_count > 0;

/** "Converting: 3/12 pages" while pages are counted, else the status. */
export function progressText(task) {
  if (task.status === 'PROCESSING' && hasPageCount(task))
    return `${statusLabel(task.status)}: ${task.pages_done ?? 0}/${task.page_count} pages`;
  return statusLabel(task.status);
}

export const inFlight = (task) => task.status !== 'DONE' && task.status !== 'FAILED';

/** Sets a <progress>: determinate with the page counts, indeterminate before them, hidden after. */
export function showProgress(progress, task) {
  progress.hidden = !inFlight(task);
  if (hasPageCount(task)) {
    progress.max = task.page_count;
    progress.value = task.pages_done ?? 0;
  } else {
    progress.removeAttribute('value');
  }
}

export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** `paper.pdf` -> `paper`: the base of the download names. */
export const baseName = (fileName) => fileName.replace(/\.pdf$/i, '') || 'result';
