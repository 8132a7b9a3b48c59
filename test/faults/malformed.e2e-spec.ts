import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { ApiClient } from '../support/client.js';
import { startStack, Stack } from '../support/stack.js';

const FIXTURES = new URL('../fixtures/malformed/', import.meta.url);

interface Case {
  file: string;
  expected: 'DONE' | 'FAILED';
}

async function manifest(): Promise<Case[]> {
  const [header, ...rows] = (await readFile(new URL('MANIFEST.tsv', FIXTURES), 'utf8')).trim().split('\n');
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return {
      file: cells[columns.indexOf('file')],
      expected: cells[columns.indexOf('expected')] as Case['expected'],
    };
  });
}

// Low limits keep the suite quick: the hostile files hit them in seconds instead of minutes.
const TIMEOUT_SECONDS = 60;

describe('hostile and broken PDFs through the whole pipeline', () => {
  let stack: Stack;
  let cases: Case[];

  beforeAll(async () => {
    cases = await manifest();
    stack = await startStack({
      env: {
        CONVERSION_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
        CONVERSION_MEMORY_MB: '768',
        WORKER_CONCURRENCY: '2',
      },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('ends every file DONE or FAILED as its manifest says, with a plain message', async () => {
    const client = new ApiClient(stack.url);
    const submitted: { file: string; expected: string; id?: string; refused?: number }[] = [];
    for (const { file, expected } of cases) {
      const bytes = await readFile(new URL(file, FIXTURES));
      const response = await client.upload(bytes, file);
      // Files without a PDF header are refused at upload (415) before any task exists.
      if (response.status === 415) submitted.push({ file, expected, refused: 415 });
      else submitted.push({ file, expected, id: String(response.body.id) });
    }
    const outcomes: Record<string, string> = {};
    for (const entry of submitted) {
      if (entry.refused) {
        outcomes[entry.file] = 'FAILED (refused at upload)';
        continue;
      }
      const task = await client.waitForTask(entry.id!, 240_000);
      outcomes[entry.file] = String(task.status);
      if (task.status === 'FAILED') {
        const message = String(task.error_message);
        expect(message).toMatch(/^[A-Z][^\n]{10,200}$/);
        expect(message).not.toMatch(/Exception|Error:|at \w+ \(|\.ts:|\.js:|undefined|null/);
      }
    }
    const expected = Object.fromEntries(
      submitted.map(({ file, expected, refused }) => [
        file,
        refused ? 'FAILED (refused at upload)' : expected,
      ]),
    );
    expect(outcomes).toEqual(expected);

    // The worker is still serving: a good document converts after all of them.
    const { buildPdf } = await import('../support/test-pdf.js');
    const after = await client.upload(await buildPdf([['Still converting afterwards']]), 'after.pdf');
    expect((await client.waitForTask(String(after.body.id))).status).toBe('DONE');
  }, 600_000);
});
