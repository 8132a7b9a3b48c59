import { posix, win32 } from 'node:path';
import { InvalidStorageKeyError } from './storage.errors.js';

const MAX_KEY_LENGTH = 1024;
// Control characters have no place in a key and would corrupt headers and file names.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Throws unless `key` is a safe relative object key such as `outputs/<task>/result.md`.
 * Keys come from our own code, so this is defence in depth: a bug elsewhere must never let a key
 * escape the storage root or reach the hidden files the local driver keeps there.
 */
export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidStorageKeyError(String(key), 'empty');
  if (key.length > MAX_KEY_LENGTH) throw new InvalidStorageKeyError(key, 'too long');
  if (key.includes('\\')) throw new InvalidStorageKeyError(key, 'backslash');
  if (CONTROL_CHARACTERS.test(key)) throw new InvalidStorageKeyError(key, 'control character');
  if (posix.isAbsolute(key) || win32.isAbsolute(key)) throw new InvalidStorageKeyError(key, 'absolute path');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidStorageKeyError(key, 'empty segment');
    if (segment === '.' || segment === '..') throw new InvalidStorageKeyError(key, `"${segment}" segment`);
    if (segment.startsWith('.')) throw new InvalidStorageKeyError(key, 'hidden segment');
  }
}

/** Like {@link assertValidKey}, but a prefix may end with `/` (`outputs/<task>/`). */
export function assertValidPrefix(prefix: string): void {
  if (typeof prefix !== 'string' || prefix.length === 0) {
    throw new InvalidStorageKeyError(String(prefix), 'empty prefix');
  }
  assertValidKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
}

/** Like {@link assertValidPrefix}, but the empty prefix (everything) is allowed too. */
export function assertValidListPrefix(prefix: string): void {
  if (prefix !== '') assertValidPrefix(prefix);
}

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

/** The content type served for a key, from its extension. */
export function contentTypeForKey(key: string): string {
  return CONTENT_TYPES[posix.extname(key).toLowerCase()] ?? 'application/octet-stream';
}
