import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConversionPool, PdfConversionError, PdfFailureReason, SandboxLimits } from '@papermill/pdf';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryHungryPdf } from '../../libs/pdf/src/testing/pdf-fixtures.js';
import { ApiClient } from '../support/client.js';
import { startStack, Stack } from '../support/stack.js';

const FIXTURES = new URL('../fixtures/malformed/', import.meta.url);

interface Case {
  file: string;
  expected: 'DONE' | 'FAILED';
  /** The engine's reason for a FAILED file; `refused` when the api refuses the upload (415). */
  reason: PdfFailureReason | 'refused' | null;
  /** The whole `error_message` (or the 415 `detail`) of a FAILED file. */
  message: RegExp | null;
}

async function manifest(): Promise<Case[]> {
  const [header, ...rows] = (await readFile(new URL('MANIFEST.tsv', FIXTURES), 'utf8')).trim().split('\n');
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const cell = (name: string) => cells[columns.indexOf(name)];
    return {
      file: cell('file'),
      expected: cell('expected') as Case['expected'],
      reason: (cell('reason') || null) as Case['reason'],
      message: cell('message') ? new RegExp(`^(?:${cell('message')})$`) : null,
    };
  });
}

// Low limits keep the suite quick: the hostile files hit them in seconds instead of minutes.
const TIMEOUT_SECONDS = 60;
const PAGE_TIMEOUT_SECONDS = 10;
const MEMORY_MB = 768;
const LIMITS: SandboxLimits = {
  timeoutSeconds: TIMEOUT_SECONDS,
  pageTimeoutSeconds: PAGE_TIMEOUT_SECONDS,
  memoryMb: MEMORY_MB,
  maxPages: 2000,
};

describe('hostile and broken PDFs through the whole pipeline', () => {
  let stack: Stack;
  let cases: Case[];
  let hungry: Uint8Array;

  beforeAll(async () => {
    cases = await manifest();
    // Built before the stack starts: deflating a gigabyte blocks this process (and the in-process api) for seconds.
    hungry = await memoryHungryPdf('Text before a gigabyte of spaces', 1000);
    stack = await startStack({
      env: {
        CONVERSION_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
        PAGE_TIMEOUT_SECONDS: String(PAGE_TIMEOUT_SECONDS),
        CONVERSION_MEMORY_MB: String(MEMORY_MB),
        WORKER_CONCURRENCY: '2',
      },
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('ends every file as its manifest says: refused, DONE, or FAILED with its sentence', async () => {
    const client = new ApiClient(stack.url);
    const submitted: { file: string; id?: string; refused?: { status: number; detail: unknown } }[] = [];
    for (const { file } of cases) {
      const bytes = await readFile(new URL(file, FIXTURES));
      const response = await client.upload(bytes, file);
      if (response.status === 201) submitted.push({ file, id: String(response.body.id) });
      else submitted.push({ file, refused: { status: response.status, detail: response.body.detail } });
    }
    const outcomes: Record<string, unknown> = {};
    for (const { file, id, refused } of submitted) {
      if (refused) {
        outcomes[file] = refused;
        continue;
      }
      const task = await client.waitForTask(id!, 240_000);
      if (task.status === 'FAILED') {
        const message = String(task.error_message);
        expect(message).toMatch(/^[A-Z][^\n]{10,200}$/);
        expect(message).not.toMatch(/Exception|Error:|at \w+ \(|\.ts:|\.js:|undefined|null/);
        outcomes[file] = { status: task.status, message };
      } else {
        // Clients can rely on `pages.skipped` being there, empty when every page converted.
        const assets = await client.json<{ pages: { skipped: unknown } }>('GET', `/tasks/${id}/assets`);
        outcomes[file] = { status: task.status, skipped: assets.body.pages.skipped };
      }
    }
    const expected = Object.fromEntries(
      cases.map(({ file, expected, reason, message }) => {
        if (reason === 'refused') return [file, { status: 415, detail: expect.stringMatching(message!) }];
        if (expected === 'DONE') return [file, { status: 'DONE', skipped: [] }];
        return [file, { status: 'FAILED', message: expect.stringMatching(message!) }];
      }),
    );
    expect(outcomes).toEqual(expected);

    // The worker is still serving: a good document converts after all of them.
    const { buildPdf } = await import('../support/test-pdf.js');
    const after = await client.upload(await buildPdf([['Still converting afterwards']]), 'after.pdf');
    expect((await client.waitForTask(String(after.body.id))).status).toBe('DONE');
  }, 600_000);

  it('fails a document that needs more than CONVERSION_MEMORY_MB with the memory sentence', async () => {
    const client = new ApiClient(stack.url);
    const response = await client.upload(Buffer.from(hungry), 'hungry.pdf');
    expect(response.status).toBe(201);
    const task = await client.waitForTask(String(response.body.id), 120_000);
    expect(task).toMatchObject({
      status: 'FAILED',
      error_message: `The PDF needs more than ${MEMORY_MB} MB of memory to convert`,
    });
  }, 180_000);
});

describe('the conversion engine on the malformed corpus (reasons, which the api does not expose)', () => {
  let pool: ConversionPool;
  let dir: string;
  let cases: Case[];
  const path = (file: string) => fileURLToPath(new URL(file, FIXTURES));

  beforeAll(async () => {
    cases = (await manifest()).filter((c) => c.reason !== 'refused');
    dir = await mkdtemp(join(tmpdir(), 'papermill-malformed-'));
    pool = new ConversionPool({ size: 2 });
  });

  afterAll(async () => {
    pool.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('fails each FAILED file with its manifest reason and sentence, and converts the others', async () => {
    const outcomes = await Promise.all(
      cases.map(({ file }, n) =>
        pool.convert(path(file), join(dir, String(n)), LIMITS).then(
          (result) => ({ status: 'DONE', skippedPages: result.skippedPages }),
          (error: unknown) =>
            error instanceof PdfConversionError
              ? { status: 'FAILED', reason: error.reason, message: error.message }
              : { status: 'ERROR', error: String(error) },
        ),
      ),
    );
    expect(Object.fromEntries(cases.map(({ file }, n) => [file, outcomes[n]]))).toEqual(
      Object.fromEntries(
        cases.map(({ file, expected, reason, message }) => [
          file,
          expected === 'DONE'
            ? { status: 'DONE', skippedPages: [] }
            : { status: 'FAILED', reason, message: expect.stringMatching(message!) },
        ]),
      ),
    );
  }, 300_000);

  it('says a PDF that needs a password to open is password-protected', async () => {
    await expect(
      pool.convert(path('opf-encryption_openpassword.pdf'), join(dir, 'password'), LIMITS),
    ).rejects.toEqual(new PdfConversionError('password_protected', 'The PDF is password-protected'));
  });

  it('extracts the text alone when drawing the figures exhausts pdf.js, and ends DONE', async () => {
    // A page timeout longer than the conversion's, so the memory cap is what stops the drawing.
    const limits = { ...LIMITS, pageTimeoutSeconds: TIMEOUT_SECONDS };
    const result = await pool.convert(path('pdfjs-operator_list_cycle.pdf'), join(dir, 'cycle'), limits);
    expect(result).toEqual({ pageCount: 1, figures: [], skippedPages: [], textOnly: true });
  }, 120_000);
});
