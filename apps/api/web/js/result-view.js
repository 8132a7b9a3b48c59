// One task: its state, and once DONE the rendered Markdown, the source, the figures and downloads.

import { getAssets, getFigures, getMarkdown } from './api.js';
import { byId, el } from './dom.js';
import { baseName, progressText, showProgress } from './format.js';
import { renderMarkdown } from './markdown.js';

/** Shows the task's state in the view's header. */
export function showTaskState(task) {
  byId('task-title').textContent = task.file_name;
  const status = byId('task-status');
  const text = progressText(task);
  if (status.textContent !== text) status.textContent = text;
  status.className = `task-status status-${task.status.toLowerCase()}`;
  showProgress(byId('task-progress'), task);
  byId('task-error').hidden = !task.error_message;
  byId('task-error').textContent = task.error_message ?? '';
  byId('task-delete').dataset.delete = task.id;
  byId('task-delete').hidden = task.status === 'QUEUED' || task.status === 'PROCESSING';
  const done = task.status === 'DONE';
  const base = baseName(task.file_name);
  setDownload(byId('download-md'), done && `/tasks/${task.id}/download`, `${base}.md`);
  setDownload(byId('download-assets'), done && `/tasks/${task.id}/assets`, `${base}.assets.json`);
}

/** Empties the result panes (another task is being opened). */
export function clearResult() {
  byId('result').hidden = true;
  byId('gallery-section').hidden = true;
  byId('rendered').replaceChildren();
  byId('source').firstElementChild.textContent = '';
  byId('gallery').replaceChildren();
}

/** Loads and shows the result of a DONE task. */
export async function showResult(task) {
  const [markdown, figures, assets] = await Promise.all([
    getMarkdown(task.id),
    getFigures(task.id),
    getAssets(task.id),
  ]);
  const urls = new Map(figures.map((figure) => [figure.figure_index, figure.url]));
  byId('rendered').replaceChildren(renderMarkdown(markdown, urls));
  byId('source').firstElementChild.textContent = markdown;
  byId('result').hidden = false;
  showGallery(task, figures, assets);
}

function showGallery(task, figures, assets) {
  const pages = new Map((assets.figures ?? []).map((figure) => [figure.index, figure.page]));
  const items = figures.map((figure) => {
    const page = pages.get(figure.figure_index);
    const label = `Figure ${figure.figure_index}`;
    const where = page ? `page ${page}` : null;
    const download = el('a', { class: 'button', 'aria-label': `Download ${label} (PNG)` }, 'Download PNG');
    setDownload(
      download,
      `/tasks/${task.id}/figures/${figure.figure_index}/download?download=true`,
      `${baseName(task.file_name)}-picture-${figure.figure_index}.png`,
    );
    return el(
      'li',
      {},
      el(
        'figure',
        {},
        el('img', { src: figure.url, alt: figure.title ?? label, decoding: 'async' }),
        el(
          'figcaption',
          {},
          el('span', { class: 'figure-label' }, [label, where].filter(Boolean).join(' · ')),
          figure.title ? el('span', { class: 'figure-title' }, figure.title) : null,
          download,
        ),
      ),
    );
  });
  byId('gallery').replaceChildren(...items);
  byId('gallery-empty').hidden = items.length > 0;
  byId('gallery-section').hidden = false;
}

function setDownload(link, href, fileName) {
  link.hidden = !href;
  if (!href) return;
  link.href = href;
  link.download = fileName;
}
