import { ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A Node process of the built project (`dist/`), run as the deployment runs it. */
export interface NodeProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Settles when the process has exited. */
  readonly exited: Promise<Exit>;
  /** What it wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL unless already gone, then wait for the exit. */
  stop(): Promise<Exit>;
}

/**
 * Runs `node <script>` from the repository root with only `env` (plus PATH and HOME), so nothing of
 * the test runner's environment leaks into the configuration.
 */
export function startNodeProcess(script: string, env: Record<string, string>): NodeProcess {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  if (child.pid === undefined) throw new Error(`Could not start ${script}`);
  const pid = child.pid;
  return {
    pid,
    child,
    exited,
    output: () => output,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

/** The worker (`dist/apps/worker/src/main.js`); build first. */
export function startWorkerProcess(env: Record<string, string>): NodeProcess {
  return startNodeProcess('dist/apps/worker/src/main.js', env);
}

/** The api (`dist/apps/api/src/main.js`), listening on `env.PORT`; build first. */
export function startApiProcess(env: Record<string, string>): NodeProcess {
  return startNodeProcess('dist/apps/api/src/main.js', env);
}

/** `pid`'s state letter from /proc (R, S, Z...), or null when no such process exists. */
export async function processState(pid: number): Promise<string | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: read after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return null;
  }
}

/** Running (not exited, not a zombie waiting to be reaped). */
export async function isRunning(pid: number): Promise<boolean> {
  const state = await processState(pid);
  return state !== null && state !== 'Z' && state !== 'X';
}

/** Pids of the running direct children of `pid`. */
export async function childPids(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && fields[0] !== 'Z') children.push(Number(entry));
    } catch {
      // Exited while listing.
    }
  }
  return children;
}
