// Requests to the api, as the guest session (its cookie) or with the API key kept in this tab.

const KEY_STORAGE = 'papermill.apiKey';

/** The API key this tab uses, or null for the guest session. */
export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

/** An error answer of the api, with the contract's `detail` as its message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Status of an ApiError when no answer came at all (offline, the service down). */
export const UNREACHABLE = 0;

/** fetch() against the api with this tab's credentials; the guest cookie goes along by itself. */
export async function apiFetch(path, init = {}) {
  const headers = new Headers(init.headers);
  const key = apiKey();
  if (key) headers.set('Authorization', `Bearer ${key}`);
  try {
    return await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(UNREACHABLE, 'The service cannot be reached; check your connection.');
  }
}

/** The response when it is 2xx; otherwise an ApiError carrying its `detail`. */
export async function ok(response) {
  if (response.ok) return response;
  throw new ApiError(response.status, await detailOf(response));
}

/** The `detail` of an error body: a string, or FastAPI's list of validation errors. */
export async function detailOf(response) {
  try {
    const body = await response.json();
    if (typeof body.detail === 'string') return body.detail;
    if (Array.isArray(body.detail)) return body.detail.map((item) => item.msg).join('; ');
  } catch {
    // not JSON: fall through
  }
  return `${response.status} ${response.statusText}`.trim();
}

export async function getJson(path, init) {
  return (await ok(await apiFetch(path, init))).json();
}

export const listTasks = (offset, limit = 50) => getJson(`/tasks?limit=${limit}&offset=${offset}`);
export const getTask = (id, init) => getJson(`/tasks/${id}`, init);
export const getAssets = (id) => getJson(`/tasks/${id}/assets`);

export async function getMarkdown(id) {
  return (await ok(await apiFetch(`/tasks/${id}/download`))).text();
}

/** Every figure of a task (the list is paginated, 100 at most a page). */
export async function getFigures(id) {
  const figures = [];
  for (let offset = 0; ; offset += 100) {
    const page = await getJson(`/tasks/${id}/figures?limit=100&offset=${offset}`);
    figures.push(...page.items);
    if (!page.has_more) return figures;
  }
}

export async function uploadPdf(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  return (await ok(await apiFetch('/tasks', { method: 'POST', body: form }))).json();
}

export async function deleteTask(id) {
  await ok(await apiFetch(`/tasks/${id}`, { method: 'DELETE' }));
}

/** Downloads `path` with this tab's credentials and saves it as `fileName`. */
export async function downloadWithKey(path, fileName) {
  const blob = await (await ok(await apiFetch(path))).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
