// `npm start`: the api and one worker together, stopped together.
import { fork } from 'node:child_process';

const root = new URL('..', import.meta.url);
const children = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js'].map((script) =>
  fork(new URL(script, root).pathname, { stdio: 'inherit' }),
);

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
