/**
 * A display name from a client-supplied file name: the last path segment, without control
 * characters, at most 255 characters. It is only ever shown, never used to build a storage key.
 */
export function cleanFileName(raw: string): string {
  // busboy decodes names as latin1 unless told otherwise: recover UTF-8 names.
  const decoded = Buffer.from(raw, 'latin1').toString('utf8');
  const name = (decoded.includes('\uFFFD') ? raw : decoded)
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return name.slice(0, 255);
}

/** `paper.pdf` -> `paper.md`: the name a download is offered under. */
export function downloadName(fileName: string, extension: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'document';
  return `${base}${extension}`;
}
