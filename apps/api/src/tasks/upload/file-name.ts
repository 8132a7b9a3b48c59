import { BadRequestException } from '@nestjs/common';

export const MAX_FILE_NAME_LENGTH = 255;

/**
 * Characters a displayed name must not carry: C0/C1 controls, and the invisible format characters
 * (bidirectional overrides and isolates, zero-width marks) that make `gpj.pdf` look like `fdp.jpg`.
 */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A display name from a client-supplied file name: the last path segment, without control or
 * invisible formatting characters. It is only ever shown, never used to build a storage key.
 * An empty name, or one longer than 255 characters once cleaned, is refused with a 400.
 */
export function cleanFileName(raw: string): string {
  // busboy decodes names as latin1 unless told otherwise: recover UTF-8 names.
  const decoded = Buffer.from(raw, 'latin1').toString('utf8');
  const name = (decoded.includes('\uFFFD') ? raw : decoded)
    .split(/[\\/]/)
    .pop()!
    .replace(UNSHOWABLE, '')
    .trim();
  if (!name) throw new BadRequestException({ detail: 'Uploaded file must have a filename' });
  if ([...name].length > MAX_FILE_NAME_LENGTH) {
    throw new BadRequestException({
      detail: `Uploaded file name is too long: at most ${MAX_FILE_NAME_LENGTH} characters`,
    });
  }
  return name;
}

/** `paper.pdf` -> `paper.md`: the name a download is offered under. */
export function downloadName(fileName: string, extension: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'document';
  return `${base}${extension}`;
}
