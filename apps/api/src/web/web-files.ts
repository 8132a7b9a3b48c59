import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../project-root.js';

/** One file of the page, held in memory (the whole page is a few hundred kilobytes). */
export interface WebFile {
  body: Buffer;
  contentType: string;
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The page's own files: `apps/api/web/` in the project (not compiled, served as they are). */
export function pageFolder(): string {
  return fileURLToPath(new URL('apps/api/web/', projectRoot()));
}

/**
 * The browser builds of the libraries the page imports, served from node_modules by path under
 * `vendor/`, so the repo holds no copy and nothing bundles them.
 */
function vendorFiles(): Record<string, string> {
  const require = createRequire(import.meta.url);
  return {
    // marked's only entry point is its ES module build.
    'vendor/marked.js': require.resolve('marked'),
    // dompurify's CommonJS entry sits beside its ES module build.
    'vendor/purify.js': join(dirname(require.resolve('dompurify')), 'purify.es.mjs'),
  };
}

/** Every file the page may load, by its path under `/assets/` (`index.html` is the page itself). */
export function loadWebFiles(folder = pageFolder()): Map<string, WebFile> {
  const paths: Record<string, string> = {};
  let entries;
  try {
    entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new Error(`The web page's files were not found in ${folder}`, { cause: error });
  }
  for (const entry of entries) {
    if (!entry.isFile() || !CONTENT_TYPES[extname(entry.name)]) continue;
    const path = join(entry.parentPath, entry.name);
    paths[relative(folder, path).split(sep).join('/')] = path;
  }
  Object.assign(paths, vendorFiles());
  const files = new Map<string, WebFile>();
  for (const [name, path] of Object.entries(paths)) {
    const body = readFileSync(path);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    files.set(name, { body, contentType: CONTENT_TYPES[extname(path)], etag: `"${hash}"` });
  }
  return files;
}
