import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const bin = (path: string) => join(ROOT, 'node_modules', path);

/** A client generated from openapi.json with openapi-typescript compiles against test/client/usage.ts. */
describe('typed client generated from openapi.json', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'papermill-client-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const tsc = (project: string) =>
    run(process.execPath, [bin('typescript/bin/tsc'), '-p', project], { cwd: dir }).then(
      () => '',
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
    );

  const project = async (name: string, files: string[]) => {
    const path = join(dir, `${name}.json`);
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        types: [],
        skipLibCheck: false,
        paths: { 'papermill-api': [join(dir, 'papermill-api.ts')] },
      },
      files,
    };
    await writeFile(path, JSON.stringify(config));
    return path;
  };

  it('compiles the usage example (upload, poll, list figures)', async () => {
    await run(process.execPath, [
      bin('openapi-typescript/bin/cli.js'),
      join(ROOT, 'openapi.json'),
      '-o',
      join(dir, 'papermill-api.ts'),
    ]);
    const usage = join(ROOT, 'test/client/usage.ts');
    expect(await tsc(await project('usage', [usage]))).toBe('');
  }, 60_000);

  it('would catch a client using a field the contract does not have', async () => {
    // The check must be able to fail: the same compile with a field that does not exist.
    const wrong = join(dir, 'wrong.ts');
    await writeFile(
      wrong,
      "import type { components } from 'papermill-api';\n" +
        "export const pages = (task: components['schemas']['TaskDto']): number => task.page_total;\n",
    );
    expect(await tsc(await project('wrong', [wrong]))).toMatch(/page_total/);
  }, 60_000);
});
