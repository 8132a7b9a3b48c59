// Picking or dropping PDFs, and uploading them one after the other.

import { uploadPdf } from './api.js';
import { byId, el } from './dom.js';

/** Wires the drop zone and the file picker; `onUploaded(task)` is called for each new task. */
export function setUpUploads(onUploaded) {
  const zone = byId('drop-zone');
  const input = byId('file-input');
  byId('choose-files').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    void uploadAll([...input.files], onUploaded);
    input.value = '';
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    void uploadAll([...event.dataTransfer.files], onUploaded);
  });
  // A file dropped next to the zone would otherwise replace the page with the PDF.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
}

async function uploadAll(files, onUploaded) {
  const rows = files.map((file) => {
    const text = el('span', { class: 'upload-state' }, 'Waiting to upload');
    const row = el('li', {}, el('span', { class: 'upload-name' }, file.name), text);
    byId('uploads').prepend(row);
    return { file, row, text };
  });
  for (const { file, row, text } of rows) {
    text.textContent = 'Uploading…';
    try {
      const task = await uploadPdf(file);
      text.textContent = 'Uploaded';
      row.dataset.state = 'done';
      onUploaded(task);
    } catch (error) {
      text.textContent = `Not uploaded: ${error.message}`;
      row.dataset.state = 'failed';
    }
  }
}
