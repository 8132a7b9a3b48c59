// Builds dist/ when it is missing or older than any source file, so `npm start` works on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', '.build-stamp');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const sources = ['apps', 'libs', 'bench', 'package.json', 'tsconfig.json', 'tsconfig.build.json']
  .map((name) => join(root, name))
  .filter(existsSync)
  .map((path) => (statSync(path).isDirectory() ? newest(path) : statSync(path).mtimeMs));
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;

if (Math.max(...sources) > built) {
  process.stderr.write('Building Papermill...\n');
  execSync('npm run --silent build', { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
}
