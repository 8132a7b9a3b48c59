import { readFileSync } from 'node:fs';

let version: string | undefined;

/** The version in the project's package.json, found by walking up from this file (src or dist). */
export function packageVersion(): string {
  if (version) return version;
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (pkg.name === 'papermill') return (version = pkg.version);
    } catch {
      // not here: keep walking up
    }
    dir = new URL('..', dir);
  }
  return (version = '0.0.0');
}
