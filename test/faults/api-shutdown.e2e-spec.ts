import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { freePort } from '../support/free-port.js';
import { NodeProcess, startApiProcess } from '../support/processes.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';
import { waitFor } from '../support/wait.js';

/**
 * A multipart upload sent in two halves: `accepted` settles once the api has taken the request in
 * (it answered `100 Continue`), `finish()` sends the rest, `response` settles with the answer.
 */
function slowUpload(port: number, pdf: Buffer) {
  const boundary = `papermill-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/tasks',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': head.length + pdf.length + tail.length,
      expect: '100-continue',
    },
  });
  const accepted = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  const response = new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }),
      );
    });
  });
  req.flushHeaders();
  return {
    accepted,
    response,
    finish() {
      req.write(head);
      req.write(pdf);
      req.end(tail);
    },
  };
}

describe('api process sent SIGTERM (run as a child process)', () => {
  let stack: Stack;
  let api: NodeProcess | undefined;

  beforeAll(async () => {
    // The stack provides the database, queue prefix and storage; the api under test is a process.
    stack = await startStack({ worker: false });
  });

  afterAll(async () => {
    await api?.stop();
    await stack?.close();
  });

  it('stops accepting connections, completes the request in flight, then exits 0', async () => {
    const port = await freePort();
    api = startApiProcess({ ...stack.env, PORT: String(port), LOG_LEVEL: 'warn' });
    const base = `http://127.0.0.1:${port}`;
    await waitFor('the api to answer', async () => (await fetch(`${base}/health`)).status === 200, 60_000);

    const upload = slowUpload(port, await buildPdf([['Uploaded while the api shuts down']]));
    await upload.accepted;

    api.signal('SIGTERM');
    // New connections are refused while the upload is still being sent.
    await waitFor(
      'the api to stop listening',
      () =>
        fetch(`${base}/health`).then(
          () => false,
          () => true,
        ),
      30_000,
    );
    expect(api.child.exitCode).toBeNull();

    upload.finish();
    const response = await upload.response;
    expect(response).toMatchObject({ status: 201, body: { status: 'QUEUED', file_name: 'slow.pdf' } });
    expect(await api.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});
