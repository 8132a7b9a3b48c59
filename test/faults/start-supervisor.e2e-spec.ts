import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { freePort } from '../support/free-port.js';
import { childPids, isRunning, NodeProcess, startNodeProcess } from '../support/processes.js';
import { startStack, Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

const commandLine = async (pid: number) =>
  (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ');

describe('npm start (scripts/start.js) when a process crashes', () => {
  let stack: Stack;
  let supervisor: NodeProcess | undefined;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
  });

  afterAll(async () => {
    await supervisor?.stop();
    await stack?.close();
  });

  const apiPid = async () => {
    for (const pid of await childPids(supervisor!.pid)) {
      if ((await commandLine(pid)).includes('apps/api/src/main.js')) return pid;
    }
    return undefined;
  };

  it('starts a killed api again and keeps the worker; SIGTERM then stops both', async () => {
    const port = await freePort();
    supervisor = startNodeProcess('scripts/start.js', {
      ...stack.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    const health = () =>
      fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
    await waitFor('the api to answer', health, 60_000);
    const first = (await apiPid())!;
    const children = await childPids(supervisor.pid);
    expect(children).toHaveLength(2);
    const worker = children.find((pid) => pid !== first)!;

    process.kill(first, 'SIGKILL');
    const second = await waitFor('a new api process', async () => {
      const pid = await apiPid();
      return pid !== undefined && pid !== first ? pid : undefined;
    });
    await waitFor('the new api to answer', health, 60_000);
    expect(await isRunning(worker)).toBe(true);
    expect(supervisor.output()).toMatch(
      /apps\/api\/src\/main\.js exited \(SIGKILL\); starting it again in 1 s/,
    );

    supervisor.signal('SIGTERM');
    expect(await supervisor.exited).toEqual({ code: 0, signal: null });
    expect(await isRunning(second)).toBe(false);
    expect(await isRunning(worker)).toBe(false);
  }, 120_000);

  it('stops at once on a configuration error instead of restarting', async () => {
    const bad = startNodeProcess('scripts/start.js', { ...stack.env, PORT: 'not-a-port' });
    expect(await bad.exited).toEqual({ code: 78, signal: null });
    expect(bad.output()).toContain('Invalid configuration: PORT="not-a-port" must be a whole number');
  }, 60_000);
});
