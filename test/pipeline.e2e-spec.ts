import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { ApiClient } from './support/client.js';
import { startStack, Stack } from './support/stack.js';
import { buildPdf } from './support/test-pdf.js';

describe.each(['local', 's3'] as const)('upload to Markdown pipeline (%s storage)', (storage) => {
  let stack: Stack;
  let client: ApiClient;

  beforeAll(async () => {
    stack = await startStack({ storage });
    client = new ApiClient(stack.url);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('answers the health check', async () => {
    expect(await client.json('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('converts an uploaded PDF to Markdown with its text in order', async () => {
    const pdf = await buildPdf([
      ['Quarterly report on river levels', 'The northern gauge rose by four centimetres.'],
      ['A second page follows the first', 'Measurements continue through the winter season.'],
    ]);
    const created = await client.upload(pdf, 'river report.pdf');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      file_name: 'river report.pdf',
      status: 'QUEUED',
      input_path: `uploads/${String(created.body.id)}/input.pdf`,
      output_path: null,
      error_message: null,
    });
    expect(created.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

    const task = await client.waitForTask(String(created.body.id));
    expect(task).toMatchObject({ status: 'DONE', output_path: `outputs/${String(task.id)}/result.md` });

    const download = await client.request('GET', `/tasks/${String(task.id)}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(download.headers.get('content-disposition')).toContain('river report.md');
    const markdown = await download.text();
    const order = [
      'Quarterly report on river levels',
      'The northern gauge rose by four centimetres.',
      'A second page follows the first',
      'Measurements continue through the winter season.',
    ].map((text) => markdown.indexOf(text));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const assets = await client.json<{ pages: { count: number } }>('GET', `/tasks/${String(task.id)}/assets`);
    expect(assets.status).toBe(200);
    expect(assets.body.pages.count).toBe(2);
  });

  it('refuses a file that is not a PDF, storing nothing', async () => {
    const response = await client.upload(Buffer.from('just some text, not a PDF'), 'notes.pdf');
    expect(response).toMatchObject({ status: 415, body: { detail: 'Uploaded file must be a PDF' } });
  });

  it('ends a PDF that cannot be read FAILED with a sentence, leaving nothing in flight', async () => {
    const broken = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const created = await client.upload(broken, 'broken.pdf');
    expect(created.status).toBe(201);
    const task = await client.waitForTask(String(created.body.id));
    expect(task.status).toBe('FAILED');
    expect(task.error_message).toMatch(/^The (file is not a valid PDF|PDF has no pages)$/);

    const db = new Client({ connectionString: stack.config.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM tasks WHERE status IN ('PENDING', 'QUEUED', 'PROCESSING')`,
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });
});
