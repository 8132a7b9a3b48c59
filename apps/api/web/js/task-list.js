// The caller's tasks: one list item per task, updated in place as its state changes.

import { byId, el } from './dom.js';
import { formatTime, inFlight, progressText, showProgress, statusLabel } from './format.js';

const list = () => byId('task-list');

/** The item of task `id`, or null. */
export function taskItem(id) {
  return list().querySelector(`li[data-task-id="${CSS.escape(id)}"]`);
}

/** Adds or updates the task's item; `position` 'start' for a new upload, 'end' for a next page. */
export function showTask(task, position = 'end') {
  let item = taskItem(task.id);
  if (!item) {
    item = buildItem(task);
    if (position === 'start') list().prepend(item);
    else list().append(item);
  }
  updateItem(item, task);
  byId('tasks-empty').hidden = true;
}

export function removeTask(id) {
  taskItem(id)?.remove();
  byId('tasks-empty').hidden = list().children.length > 0;
}

export function clearTasks() {
  list().replaceChildren();
}

function buildItem(task) {
  const name = el('span', { class: 'task-name' });
  const status = el('span', { class: 'status', role: 'status' });
  const progress = el('progress', { 'aria-label': `Progress of ${task.file_name}` });
  const time = el('time', { datetime: task.created_at, class: 'muted' }, formatTime(task.created_at));
  const error = el('p', { class: 'error', hidden: true });
  const open = el('a', { href: `#/tasks/${task.id}`, class: 'button open' });
  const remove = el('button', { type: 'button', class: 'danger delete', 'data-delete': task.id }, 'Delete');
  remove.setAttribute('aria-label', `Delete ${task.file_name}`);
  return el(
    'li',
    { class: 'task', 'data-task-id': task.id },
    el('div', { class: 'task-line' }, name, status),
    progress,
    error,
    el('div', { class: 'task-line' }, time, el('div', { class: 'actions' }, open, remove)),
  );
}

function updateItem(item, task) {
  item.dataset.status = task.status;
  item.querySelector('.task-name').textContent = task.file_name;
  const status = item.querySelector('.status');
  const text = progressText(task);
  if (status.textContent !== text) status.textContent = text;
  status.className = `status status-${task.status.toLowerCase()}`;
  showProgress(item.querySelector('progress'), task);
  const error = item.querySelector('.error');
  error.hidden = !task.error_message;
  error.textContent = task.error_message ?? '';
  const open = item.querySelector('.open');
  open.textContent = task.status === 'DONE' ? 'View result' : 'Details';
  open.setAttribute('aria-label', `${open.textContent}: ${task.file_name} (${statusLabel(task.status)})`);
  // The api refuses to delete a task in flight (409): offer it only once the task has settled.
  item.querySelector('.delete').hidden = inFlight(task) && task.status !== 'PENDING';
}
