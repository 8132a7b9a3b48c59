import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled child script. From the build it sits beside this file; when this file runs from
 * TypeScript sources (Jest), the child is taken from `dist/`, so tests need `npm run build` first.
 */
export function childScriptPath(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = here.replace(/child-path\.(ts|js)$/, 'child.js');
  if (here.endsWith('.js')) return beside;
  const compiled = beside.replace(/([\\/])libs([\\/]pdf[\\/]src[\\/]sandbox[\\/])/, '$1dist$1libs$2');
  if (!existsSync(compiled)) throw new Error(`Build the project first: ${compiled} is missing`);
  return compiled;
}
