import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiClient } from '../support/client.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('tasks routes (CONTRACT.md)', () => {
  let stack: Stack;
  let idle: Stack;
  let pdf: Buffer;

  beforeAll(async () => {
    stack = await startStack({ env: { MAX_UPLOAD_MB: '1' } });
    // No worker: tasks stay QUEUED, for the "not ready" and "while processing" rows.
    idle = await startStack({ worker: false });
    pdf = await buildPdf([['Contract test document'], ['Second page']]);
  });

  afterAll(async () => {
    await stack?.close();
    await idle?.close();
  });

  describe('POST /tasks', () => {
    it('answers 201 with the task QUEUED and sets a guest cookie', async () => {
      const client = new ApiClient(stack.url);
      const response = await client.request('POST', '/tasks', { body: form(pdf, 'paper.pdf') });
      expect(response.status).toBe(201);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^guest_session=[A-Za-z0-9_-]{22,};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Path=/');
      expect(cookie).toMatch(/Max-Age=\d{7,}/);
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(
        [
          'created_at',
          'error_message',
          'file_name',
          'id',
          'input_path',
          'output_path',
          'page_count',
          'pages_done',
          'status',
          'updated_at',
        ].sort(),
      );
      expect(body).toMatchObject({
        file_name: 'paper.pdf',
        status: 'QUEUED',
        output_path: null,
        error_message: null,
        page_count: null,
        pages_done: 0,
      });
    });

    it('answers 400 when the file has no name', async () => {
      const client = new ApiClient(stack.url);
      expect(await client.upload(pdf, '')).toMatchObject({
        status: 400,
        body: { detail: 'Uploaded file must have a filename' },
      });
    });

    it('answers 413 over the size limit, storing nothing', async () => {
      const client = new ApiClient(stack.url);
      const big = Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 1, 0x20)]);
      expect(await client.upload(big, 'big.pdf')).toMatchObject({
        status: 413,
        body: { detail: 'Uploaded file is too large' },
      });
      expect((await client.json('GET', '/tasks')).body).toMatchObject({ total: 0 });
    });

    it('answers 415 when the content is not a PDF', async () => {
      const client = new ApiClient(stack.url);
      expect(await client.upload(Buffer.from('\x89PNG\r\n'), 'image.pdf', 'application/pdf')).toMatchObject({
        status: 415,
        body: { detail: 'Uploaded file must be a PDF' },
      });
    });

    it('answers 422 when the file field is missing', async () => {
      const client = new ApiClient(stack.url);
      const body = new FormData();
      body.append('other', 'value');
      expect(await client.json('POST', '/tasks', { body })).toEqual({
        status: 422,
        headers: expect.anything(),
        body: { detail: [{ type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null }] },
      });
    });
  });

  describe('listing', () => {
    it('pages newest first with the envelope', async () => {
      const client = new ApiClient(idle.url);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(String((await client.upload(pdf, `doc-${i}.pdf`)).body.id));
      const first = await client.json<{ items: { id: string }[] }>('GET', '/tasks?limit=2');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0, has_more: true });
      expect(first.body.items.map((t) => t.id)).toEqual([ids[2], ids[1]]);
      const second = await client.json<{ items: { id: string }[] }>('GET', '/tasks?limit=2&offset=2');
      expect(second.body).toMatchObject({ total: 3, limit: 2, offset: 2, has_more: false });
      expect(second.body.items.map((t) => t.id)).toEqual([ids[0]]);
    });

    it('lists each task exactly as GET /tasks/{task_id} answers it', async () => {
      const client = new ApiClient(idle.url);
      await client.upload(pdf, 'same.pdf');
      const listed = await client.json<{ items: Record<string, unknown>[] }>('GET', '/tasks');
      expect(listed.body.items.length).toBeGreaterThan(0);
      for (const item of listed.body.items) {
        const single = await client.json<Record<string, unknown>>('GET', `/tasks/${String(item.id)}`);
        expect(item).toEqual(single.body);
        expect(item.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
    });

    it.each([
      ['limit=0', 'limit', 'greater_than_equal'],
      ['limit=101', 'limit', 'less_than_equal'],
      ['limit=abc', 'limit', 'int_parsing'],
      ['offset=-1', 'offset', 'greater_than_equal'],
      ['offset=1.5', 'offset', 'int_parsing'],
    ])('answers 422 for %s', async (query, field, type) => {
      const client = new ApiClient(idle.url);
      const response = await client.json<{ detail: { loc: string[]; type: string; msg: string }[] }>(
        'GET',
        `/tasks?${query}`,
      );
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual([expect.objectContaining({ loc: ['query', field], type })]);
      expect(typeof response.body.detail[0].msg).toBe('string');
    });

    it('lists the guest cookie tasks on /public/tasks, ignoring Authorization', async () => {
      const client = new ApiClient(idle.url);
      const created = await client.upload(pdf, 'public.pdf');
      const response = await client.json<{ items: { id: string }[] }>('GET', '/public/tasks', {
        headers: { authorization: 'Bearer not-a-valid-token' },
      });
      expect(response.status).toBe(200);
      expect(response.body.items.map((t) => t.id)).toEqual([created.body.id]);
    });

    it('answers an empty envelope on /public/tasks without a cookie', async () => {
      const response = await new ApiClient(idle.url).json('GET', '/public/tasks');
      expect(response).toMatchObject({
        status: 200,
        body: { items: [], total: 0, limit: 50, offset: 0, has_more: false },
      });
    });
  });

  describe('GET /tasks/{task_id}', () => {
    it('answers 404 for a missing task and 422 for a malformed id', async () => {
      const client = new ApiClient(idle.url);
      expect(await client.json('GET', `/tasks/${MISSING_ID}`)).toMatchObject({
        status: 404,
        body: { detail: 'Task not found' },
      });
      const malformed = await client.json<{ detail: { loc: string[] }[] }>('GET', '/tasks/not-a-uuid');
      expect(malformed.status).toBe(422);
      expect(malformed.body.detail[0].loc).toEqual(['path', 'task_id']);
    });
  });

  describe('results before they are ready', () => {
    it.each(['download', 'assets', 'figures', 'figures/1', 'figures/1/download'])(
      'answers 409 on /%s while QUEUED',
      async (route) => {
        const client = new ApiClient(idle.url);
        const { body } = await client.upload(pdf);
        expect(await client.json('GET', `/tasks/${String(body.id)}/${route}`)).toMatchObject({
          status: 409,
          body: { detail: 'Task result not ready' },
        });
      },
    );

    it('refuses to delete a QUEUED task with 409', async () => {
      const client = new ApiClient(idle.url);
      const { body } = await client.upload(pdf);
      expect(await client.json('DELETE', `/tasks/${String(body.id)}`)).toMatchObject({
        status: 409,
        body: { detail: 'Cannot delete task while processing' },
      });
    });
  });

  describe('a finished task', () => {
    let client: ApiClient;
    let id: string;

    beforeAll(async () => {
      client = new ApiClient(stack.url);
      id = String((await client.upload(pdf, 'my "quoted" paper.pdf')).body.id);
      expect((await client.waitForTask(id)).status).toBe('DONE');
    });

    it('downloads the Markdown with a name derived from the upload', async () => {
      const response = await client.request('GET', `/tasks/${id}/download`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="my \\"quoted\\" paper.md"',
      );
      expect(await response.text()).toContain('Contract test document');
    });

    it('serves the assets JSON', async () => {
      const response = await client.json<{ figures: unknown[]; pages: { count: number } }>(
        'GET',
        `/tasks/${id}/assets`,
      );
      expect(response.status).toBe(200);
      expect(response.body.figures).toEqual([]);
      expect(response.body.pages.count).toBe(2);
    });

    it('lists no figures for a document without any', async () => {
      expect(await client.json('GET', `/tasks/${id}/figures`)).toMatchObject({
        status: 200,
        body: { items: [], total: 0, limit: 50, offset: 0, has_more: false },
      });
      expect(await client.json('GET', `/tasks/${id}/figures/1`)).toMatchObject({
        status: 404,
        body: { detail: 'Figure not found' },
      });
      expect((await client.json('GET', `/tasks/${id}/figures/0`)).status).toBe(422);
    });

    it('answers 500 when the assets file is invalid, 404 when it or the output is missing', async () => {
      const outputs = join(stack.config.STORAGE_DIR, 'outputs', id);
      await writeFile(join(outputs, 'result.assets.json'), '{not json');
      expect(await client.json('GET', `/tasks/${id}/assets`)).toMatchObject({
        status: 500,
        body: { detail: 'Task assets file is invalid' },
      });
      await rm(join(outputs, 'result.assets.json'));
      expect(await client.json('GET', `/tasks/${id}/assets`)).toMatchObject({
        status: 404,
        body: { detail: 'Task assets file missing' },
      });
      await rm(join(outputs, 'result.md'));
      expect(await client.json('GET', `/tasks/${id}/download`)).toMatchObject({
        status: 404,
        body: { detail: 'Task output file missing' },
      });
    });

    it('deletes the task with every stored object', async () => {
      expect(await client.json('DELETE', `/tasks/${id}`)).toMatchObject({
        status: 200,
        body: { deleted: true },
      });
      expect(await client.json('GET', `/tasks/${id}`)).toMatchObject({
        status: 404,
        body: { detail: 'Task not found' },
      });
      expect(await client.json('DELETE', `/tasks/${id}`)).toMatchObject({
        status: 404,
        body: { detail: 'Task not found' },
      });
      const { readdir } = await import('node:fs/promises');
      const left = await readdir(stack.config.STORAGE_DIR, { recursive: true });
      expect(left.filter((path) => path.includes(id))).toEqual([]);
    });
  });

  describe('service routes', () => {
    it('answers /health and /api/v1/meta', async () => {
      const client = new ApiClient(idle.url);
      expect((await client.json('GET', '/health')).body).toEqual({ status: 'ok' });
      expect((await client.json('GET', '/api/v1/meta')).body).toEqual({
        app_name: 'Document Task Queue Service',
        environment: 'development',
        version: '0.1.0',
        debug: false,
        queue: 'document_tasks',
        placeholder_processing: false,
      });
    });

    it('answers 404 Not Found for unknown routes and 405 for wrong methods', async () => {
      const client = new ApiClient(idle.url);
      expect(await client.json('GET', '/no/such/route')).toMatchObject({
        status: 404,
        body: { detail: 'Not Found' },
      });
      expect(await client.json('PUT', '/health')).toMatchObject({
        status: 405,
        body: { detail: 'Method Not Allowed' },
      });
      expect(await client.json('PATCH', `/tasks/${MISSING_ID}`)).toMatchObject({
        status: 405,
        body: { detail: 'Method Not Allowed' },
      });
    });

    it('serves the OpenAPI document', async () => {
      const response = await new ApiClient(idle.url).json<{ paths: Record<string, unknown> }>(
        'GET',
        '/docs-json',
      );
      expect(response.status).toBe(200);
      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining([
          '/tasks',
          '/tasks/{task_id}',
          '/tasks/{task_id}/figures/{n}/download',
          '/health',
        ]),
      );
    });
  });
});

function form(bytes: Buffer, name: string): FormData {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  return body;
}
