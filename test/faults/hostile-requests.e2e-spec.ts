import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { send } from '../auth/http.js';
import { claims, hs256 } from '../auth/tokens.js';
import { ApiClient } from '../support/client.js';
import { freePort } from '../support/free-port.js';
import { NodeProcess, startApiProcess } from '../support/processes.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';
import { waitFor } from '../support/wait.js';

const BOUNDARY = 'papermill-hostile';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/** A multipart body from raw parts: `[headers, content]`, closed unless `closed` is false. */
function multipart(parts: [string, string][], closed = true): string {
  const body = parts
    .map(([headers, content]) => `--${BOUNDARY}\r\n${headers}\r\n\r\n${content}\r\n`)
    .join('');
  return closed ? `${body}--${BOUNDARY}--\r\n` : body;
}
const filePart = (name: string, fileName: string, content: string): [string, string] => [
  `Content-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: application/pdf`,
  content,
];
const fieldPart = (name: string, value: string): [string, string] => [
  `Content-Disposition: form-data; name="${name}"`,
  value,
];

/**
 * Every input that once answered 500 or stopped the api, sent to the api run as a real process (an
 * unhandled rejection there would end it), and then a PDF that must still convert.
 */
describe('hostile requests against the api process', () => {
  let stack: Stack;
  let api: NodeProcess | undefined;
  let base: string;
  let pdf: string;
  let jwt: string;

  beforeAll(async () => {
    stack = await startStack();
    const port = await freePort();
    api = startApiProcess({ ...stack.env, PORT: String(port), LOG_LEVEL: 'warn' });
    base = `http://127.0.0.1:${port}`;
    await waitFor('the api to answer', async () => (await fetch(`${base}/health`)).status === 200, 60_000);
    pdf = (await buildPdf([['A small document']])).toString('latin1');
    jwt = await hs256(claims('hostile-user'));
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
    await stack?.close();
  });

  const upload = (raw: string, fileNameHeaders: Record<string, string> = {}) =>
    send(base, 'POST', '/tasks', { raw, headers: { 'content-type': MULTIPART, ...fileNameHeaders } });

  it.each([
    [
      'two file parts',
      () => multipart([filePart('file', 'a.pdf', pdf), filePart('file', 'b.pdf', pdf)]),
      400,
      'Upload exactly one file in the "file" field',
    ],
    [
      'a file followed by 25 fields',
      () =>
        multipart([
          filePart('file', 'a.pdf', pdf),
          ...Array.from({ length: 25 }, (_, i) => fieldPart(`f${i}`, 'x')),
        ]),
      400,
      'Too many form fields: at most 20 besides "file"',
    ],
    [
      'more parts than a form has',
      () => multipart(Array.from({ length: 40 }, (_, i) => filePart(`other${i}`, 'x.pdf', 'x'))),
      400,
      'Upload exactly one file in the "file" field',
    ],
    [
      'a part header without a colon',
      () =>
        multipart([
          ['Content-Disposition: form-data; name="file"; filename="a.pdf"\r\nBroken header line', pdf],
        ]),
      400,
      'Malformed multipart request',
    ],
    [
      'a body cut off inside the file',
      () => multipart([filePart('file', 'a.pdf', pdf.slice(0, 100))], false),
      400,
      'Malformed multipart request',
    ],
    [
      'a part header holding control characters',
      () => multipart([filePart('file', '\u0001\u0002\u0003', pdf)]),
      400,
      'Malformed multipart request',
    ],
    [
      'a file name of control characters only (RFC 5987 encoded)',
      () => multipart([[`Content-Disposition: form-data; name="file"; filename*=UTF-8''%01%02%03%7F`, pdf]]),
      400,
      'Uploaded file must have a filename',
    ],
    [
      'a file name of bidi controls only',
      () => multipart([filePart('file', '\u202e\u2066\u200f', pdf)]),
      400,
      'Uploaded file must have a filename',
    ],
    [
      'a file name of 20 KB',
      () => multipart([filePart('file', 'a'.repeat(20_000) + '.pdf', pdf)]),
      400,
      'Malformed multipart request',
    ],
    [
      'a file name of 300 characters',
      () => multipart([filePart('file', 'a'.repeat(296) + '.pdf', pdf)]),
      400,
      'Uploaded file name is too long: at most 255 characters',
    ],
  ])('answers %s with a 4xx saying why', async (_, body, status, detail) => {
    const reply = await upload(body());
    expect({ status: reply.status, body: reply.body }).toEqual({ status, body: { detail } });
  });

  it('answers a file part under another name with the missing-field 422', async () => {
    const reply = await upload(multipart([filePart('document', 'a.pdf', pdf)]));
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null }],
    });
  });

  it('ignores a file part under another name beside the real one, as FastAPI does', async () => {
    const reply = await upload(multipart([filePart('extra', 'x.pdf', 'x'), filePart('file', 'a.pdf', pdf)]));
    expect(reply.status).toBe(201);
  });

  it('keeps bidi controls out of the stored file name', async () => {
    const reply = await upload(multipart([filePart('file', 'invoice\u202efdp.exe', pdf)]));
    expect(reply.status).toBe(201);
    expect(reply.body.file_name).toBe('invoicefdp.exe');
  });

  it.each([
    ['/tasks?offset=100000000000000000000', ['query', 'offset'], 'less_than_equal'],
    ['/public/tasks?offset=1000001', ['query', 'offset'], 'less_than_equal'],
    ['/api-keys?offset=1e20', ['query', 'offset'], 'less_than_equal'],
    ['/tasks/00000000-0000-4000-8000-000000000000/figures/2147483648', ['path', 'n'], 'less_than_equal'],
    [
      '/tasks/00000000-0000-4000-8000-000000000000/figures/99999999999999999999/download',
      ['path', 'n'],
      'less_than_equal',
    ],
  ])('answers GET %s with a 422 naming the bound', async (path, loc, type) => {
    const reply = await send(base, 'GET', path, { headers: { authorization: `Bearer ${jwt}` } });
    expect(reply.status).toBe(422);
    expect(reply.body.detail[0]).toMatchObject({ loc, type });
  });

  it('answers a JSON body nested 100,000 deep with a 422', async () => {
    const reply = await send(base, 'POST', '/api-keys', {
      raw: '['.repeat(100_000) + ']'.repeat(100_000),
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({
      detail: [{ type: 'json_invalid', loc: ['body'], msg: 'JSON nested more than 32 levels deep' }],
    });
  });

  it('is still running, logged no error, and converts a PDF afterwards', async () => {
    expect(api!.child.exitCode).toBeNull();
    expect(api!.output()).not.toMatch(/"level":(50|60)/);
    const client = new ApiClient(base);
    const created = await client.upload(await buildPdf([['Converted after the attacks']]), 'after.pdf');
    expect(created.status).toBe(201);
    const task = await client.waitForTask(String(created.body.id), 60_000);
    expect(task.status).toBe('DONE');
  }, 90_000);
});
