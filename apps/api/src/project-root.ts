import { readFileSync } from 'node:fs';

let root: URL | undefined;

/** The folder of the project's package.json, found by walking up from this file (src or dist). */
export function projectRoot(): URL {
  if (root) return root;
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string };
      if (pkg.name === 'papermill') return (root = dir);
    } catch {
      // not here: keep walking up
    }
    dir = new URL('..', dir);
  }
  throw new Error('The project folder (package.json named papermill) was not found');
}
