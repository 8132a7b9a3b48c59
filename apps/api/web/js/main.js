// The page: routes (#/ the tasks, #/tasks/<id> one task), access mode, live task states.

import { apiKey, deleteTask, downloadWithKey, getTask, listTasks, setApiKey } from './api.js';
import { byId, clearError, notify } from './dom.js';
import { inFlight } from './format.js';
import { clearResult, showResult, showTaskState } from './result-view.js';
import { clearTasks, removeTask, showTask } from './task-list.js';
import { setUpUploads } from './upload.js';
import { watchTask } from './watch.js';

const PAGE_SIZE = 50;
/** The tasks on show, by id (the list, and the one of the task view). */
const tasks = new Map();
const watches = new Map();
let nextOffset = 0;
let openTaskId = null;

function onTaskState(task) {
  const previous = tasks.get(task.id);
  tasks.set(task.id, task);
  showTask(task, previous ? 'end' : 'start');
  if (openTaskId !== task.id) return;
  showTaskState(task);
  if (task.status === 'DONE' && previous?.status !== 'DONE') void loadResult(task);
}

function onTaskGone(id) {
  tasks.delete(id);
  removeTask(id);
  if (openTaskId === id) {
    notify('This task no longer exists.', 'error');
    location.hash = '#/';
  }
}

/** Follows a task in flight until it settles (once per task). */
function watch(task) {
  if (!inFlight(task) || watches.has(task.id)) return;
  const controller = new AbortController();
  watches.set(task.id, controller);
  watchTask(task.id, onTaskState, controller.signal)
    .then((last) => last === null && onTaskGone(task.id))
    .catch((error) => {
      if (!controller.signal.aborted) notify(`Lost track of ${task.file_name}: ${error.message}`, 'error');
    })
    .finally(() => {
      if (watches.get(task.id) === controller) watches.delete(task.id);
    });
}

function stopWatching() {
  for (const controller of watches.values()) controller.abort();
  watches.clear();
}

async function loadTasks({ more = false } = {}) {
  try {
    const page = await listTasks(more ? nextOffset : 0, PAGE_SIZE);
    // Replaced only once the new list is here: offline, the last one stays on show.
    if (!more) {
      nextOffset = 0;
      clearTasks();
    }
    for (const task of page.items) {
      tasks.set(task.id, task);
      showTask(task, 'end');
      watch(task);
    }
    nextOffset += page.items.length;
    clearError();
    byId('more').hidden = !page.has_more;
    byId('tasks-empty').hidden = byId('task-list').children.length > 0;
  } catch (error) {
    notify(`Could not load your tasks: ${error.message}`, 'error');
  }
}

async function loadResult(task) {
  try {
    await showResult(task);
  } catch (error) {
    notify(`Could not load the result: ${error.message}`, 'error');
  }
}

async function openTask(id) {
  openTaskId = id;
  clearResult();
  byId('home-view').hidden = true;
  byId('task-view').hidden = false;
  byId('task-title').textContent = tasks.get(id)?.file_name ?? 'Task';
  byId('task-title').focus();
  try {
    const task = await getTask(id);
    if (openTaskId !== id) return;
    tasks.set(id, task);
    showTaskState(task);
    if (task.status === 'DONE') await loadResult(task);
    else watch(task);
  } catch (error) {
    if (openTaskId !== id) return;
    notify(error.status === 404 ? 'This task does not exist.' : error.message, 'error');
    location.hash = '#/';
  }
}

function showHome() {
  const wasOpen = openTaskId;
  openTaskId = null;
  byId('task-view').hidden = true;
  byId('home-view').hidden = false;
  if (wasOpen) byId('main').focus();
}

function route() {
  const match = /^#\/tasks\/([0-9a-f-]{36})$/i.exec(location.hash);
  if (match) void openTask(match[1]);
  // Other fragments (a heading anchor, say) leave the view as it is.
  else if (location.hash === '' || location.hash === '#/' || location.hash === '#') showHome();
}

async function remove(id) {
  const task = tasks.get(id);
  const name = task?.file_name ?? 'this task';
  if (!confirm(`Delete ${name} and its results?`)) return;
  try {
    await deleteTask(id);
    if (openTaskId === id) {
      location.hash = '#/';
      showHome();
    }
    onTaskGone(id);
    notify(`Deleted ${name}.`);
  } catch (error) {
    notify(`Could not delete ${name}: ${error.message}`, 'error');
  }
}

function showAccess() {
  const key = apiKey();
  byId('access-state').textContent = key
    ? `Using the API key ${key.slice(0, 12)}…: tasks belong to its owner.`
    : 'You are a guest: your tasks belong to this browser.';
  byId('key-form').hidden = Boolean(key);
  byId('forget-key').hidden = !key;
}

function changeAccess(key) {
  setApiKey(key);
  // The open task, if any, belongs to the other scope.
  location.hash = '#/';
  stopWatching();
  tasks.clear();
  showAccess();
  notify(key ? 'Now using the API key.' : 'Now using the guest session.');
  void loadTasks();
}

document.addEventListener('click', (event) => {
  const deleteButton = event.target.closest('[data-delete]');
  if (deleteButton) {
    void remove(deleteButton.dataset.delete);
    return;
  }
  // With an API key, downloads need its header: fetch them, then save the bytes.
  const download = event.target.closest('a[download][href^="/tasks/"]');
  if (download && apiKey()) {
    event.preventDefault();
    downloadWithKey(download.getAttribute('href'), download.download).catch((error) =>
      notify(`Download failed: ${error.message}`, 'error'),
    );
  }
});

byId('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = byId('api-key').value.trim();
  byId('api-key').value = '';
  if (key) changeAccess(key);
});
byId('forget-key').addEventListener('click', () => changeAccess(null));
byId('refresh').addEventListener('click', () => void loadTasks());
byId('more').addEventListener('click', () => void loadTasks({ more: true }));
window.addEventListener('hashchange', route);

setUpUploads((task) => {
  onTaskState(task);
  watch(task);
});
showAccess();
route();
void loadTasks();
