// Live state of a task in flight: its event stream, or polling where the api has no stream.

import { apiFetch, ApiError, getTask } from './api.js';
import { readEvents } from './sse.js';

const POLL_MS = 1000;
/** Streams hold a connection each; browsers allow about six per host, the page needs some too. */
const MAX_WATCHES = 3;

export const isFinished = (task) => task.status === 'DONE' || task.status === 'FAILED';

let running = 0;
const waiting = [];

/**
 * Calls `onTask` with each new state of the task until it is DONE or FAILED (or `signal` aborts).
 * Resolves with the last state, or null when the task is gone (deleted, or another scope's).
 */
export async function watchTask(id, onTask, signal) {
  if (running >= MAX_WATCHES) await new Promise((resolve) => waiting.push(resolve));
  running++;
  try {
    signal.throwIfAborted();
    const streamed = await streamTask(id, onTask, signal);
    return streamed ?? (await pollTask(id, onTask, signal));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The final state from the event stream; undefined when there is no stream or it ended early. */
async function streamTask(id, onTask, signal) {
  let response;
  try {
    response = await apiFetch(`/tasks/${id}/events`, { headers: { Accept: 'text/event-stream' }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok || !type.startsWith('text/event-stream')) {
    // 404/405: an api without the stream (a 404 for a missing task is told apart by the poll).
    await response.body?.cancel();
    return undefined;
  }
  try {
    for await (const message of readEvents(response.body)) {
      if (message.event !== 'task') continue;
      const task = JSON.parse(message.data);
      onTask(task);
      if (isFinished(task)) return task;
    }
  } catch (error) {
    if (signal.aborted) throw error;
  }
  return undefined; // the connection dropped: polling takes over
}

async function pollTask(id, onTask, signal) {
  let delay = POLL_MS;
  for (;;) {
    try {
      const task = await getTask(id, { signal });
      onTask(task);
      if (isFinished(task)) return task;
      delay = POLL_MS;
    } catch (error) {
      // A 4xx is final; no answer or a 5xx (a restart, a proxy) is waited out.
      if (signal.aborted || !(error instanceof ApiError) || (error.status >= 400 && error.status < 500))
        throw error;
      delay = Math.min(delay * 2, 10_000); // unreachable or restarting: back off, keep trying
    }
    await sleep(delay, signal);
  }
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
