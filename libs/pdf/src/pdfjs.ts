import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PdfConversionError } from './errors.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js is ESM-only and heavy: load it once, on first use. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').finally(restoreNativePush);
  return pdfjs;
}

/**
 * The legacy build and its worker carry core-js polyfills that replace `Array.prototype.push` (for
 * arrays longer than 2^32 - 1, which V8 already handles) with a version twice as slow; pdf.js pushes
 * for every operator, glyph and path point. The native method, taken before pdf.js ever loads, is put
 * back once the build and its worker are loaded.
 */
const nativePush = Object.getOwnPropertyDescriptor(Array.prototype, 'push');

function restoreNativePush(): void {
  if (nativePush && Array.prototype.push !== nativePush.value) {
    Object.defineProperty(Array.prototype, 'push', nativePush);
  }
}

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export interface OpenOptions {
  maxImagePixels?: number;
}

/** Opens a document with the fonts and CMaps pdf.js needs in Node, mapping its errors to plain sentences. */
export async function openDocument(data: Uint8Array, options: OpenOptions = {}): Promise<PdfDocument> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    maxImageSize: options.maxImagePixels ?? -1,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    restoreNativePush(); // the worker code has just been loaded
    return doc;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw describeOpenError(error);
  }
}

function describeOpenError(error: unknown): Error {
  const name = (error as { name?: string })?.name;
  if (name === 'PasswordException') {
    return new PdfConversionError('password_protected', 'The PDF is password-protected');
  }
  return new PdfConversionError('invalid_pdf', 'The file is not a valid PDF');
}

/**
 * pdf.js inflates Flate streams (contents, fonts, images) through the global `DecompressionStream`
 * when there is one. In Node that is a web stream over zlib, with a thread-pool round trip and many
 * promise hops per stream: several times slower, on a page's many small streams, than pdf.js's own
 * synchronous inflate, which it falls back to when the global is missing. While conversions run the
 * global is hidden; it comes back when the last one ends.
 */
let hidden: { descriptor: PropertyDescriptor | undefined; users: number } | undefined;

export async function withPdfJsInflate<T>(run: () => Promise<T>): Promise<T> {
  if (!hidden) {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
    if (descriptor && !descriptor.configurable) return run();
    hidden = { descriptor, users: 0 };
    Object.defineProperty(globalThis, 'DecompressionStream', {
      value: undefined,
      configurable: true,
      writable: true,
    });
  }
  const state = hidden;
  state.users++;
  try {
    return await run();
  } finally {
    if (--state.users === 0 && hidden === state) {
      hidden = undefined;
      if (state.descriptor) Object.defineProperty(globalThis, 'DecompressionStream', state.descriptor);
      else delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    }
  }
}
