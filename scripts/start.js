// `npm start`: the api and one worker together. A child that crashes is started again, after a
// pause that doubles with each crash in a row (1 s up to 30 s) and resets once it has run a minute;
// a configuration error stops both, as do SIGINT and SIGTERM.
import { fork } from 'node:child_process';
import { setTimeout } from 'node:timers';

const root = new URL('..', import.meta.url);
const SCRIPTS = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js'];
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
const STABLE_MS = 60_000;
/** A bad setting (libs/config's CONFIG_ERROR_EXIT_CODE) stays bad however often it is retried. */
const CONFIG_ERROR_EXIT_CODE = 78;

let stopping = false;
const running = new Set();

function run(script, crashes = 0) {
  const startedAt = Date.now();
  const child = fork(new URL(script, root).pathname, { stdio: 'inherit' });
  running.add(child);
  child.on('exit', (code, signal) => {
    running.delete(child);
    if (stopping) {
      if (running.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (code === CONFIG_ERROR_EXIT_CODE) {
      process.exitCode = code;
      return stop();
    }
    const streak = Date.now() - startedAt >= STABLE_MS ? 0 : crashes;
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** streak);
    console.error(
      `papermill: ${script} exited (${signal ?? `code ${code}`}); starting it again in ${delay / 1000} s`,
    );
    setTimeout(() => run(script, streak + 1), delay);
  });
}

function stop() {
  if (stopping) return;
  stopping = true;
  if (running.size === 0) process.exit(process.exitCode ?? 0);
  for (const child of running) child.kill('SIGTERM');
}

for (const script of SCRIPTS) run(script);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
