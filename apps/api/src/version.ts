import { readFileSync } from 'node:fs';
import { projectRoot } from './project-root.js';

let version: string | undefined;

/** The version in the project's package.json. */
export function packageVersion(): string {
  if (version) return version;
  try {
    const pkg = JSON.parse(readFileSync(new URL('package.json', projectRoot()), 'utf8')) as {
      version: string;
    };
    return (version = pkg.version);
  } catch {
    return (version = '0.0.0');
  }
}
