import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DocumentQueue, webhookJobId } from '@papermill/queue';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApiClient } from '../support/client.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';
import { waitFor } from '../support/wait.js';

const SECRET = 'webhook-secret-for-the-tests-0123456789';

interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A webhook receiver on loopback: `/ok/*` answers 204, `/flaky/*` 500 twice then 200, `/gone/*` 410. */
async function startReceiver(): Promise<{ server: Server; port: number; deliveries: Delivery[] }> {
  const deliveries: Delivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      const earlier = deliveries.filter((d) => d.path === path).length;
      const answered = path.startsWith('/flaky/')
        ? earlier < 2
          ? 500
          : 200
        : path.startsWith('/gone/')
          ? 410
          : 204;
      deliveries.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString(), answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, deliveries };
}

/** What a receiver does: recompute the HMAC of "<t>.<raw body>" and compare in constant time. */
function signatureIsValid(header: string | undefined, body: string, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}

const uploadWith = (client: ApiClient, pdf: Buffer, callbackUrl: string) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'paper.pdf');
  form.append('callback_url', callbackUrl);
  return client.json<Record<string, unknown>>('POST', '/tasks', { body: form });
};

describe('webhooks (POST /tasks callback_url)', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let stack: Stack;
  let disabled: Stack;
  let pdf: Buffer;
  let base: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    base = `http://127.0.0.1:${receiver.port}`;
    stack = await startStack({
      env: {
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`,
        WEBHOOK_RETRY_DELAY_MS: '100',
      },
    });
    disabled = await startStack({ worker: false });
    pdf = await buildPdf([['Webhook test document'], ['Second page']]);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    await disabled?.close();
    await new Promise((resolve) => receiver?.server.close(resolve));
  }, 60_000);

  const jobOf = async (taskId: string) => {
    const job = await stack.api.get(DocumentQueue).queue.getJob(webhookJobId(taskId));
    return job && { state: await job.getState(), attemptsMade: job.attemptsMade };
  };
  const deliveriesTo = (path: string) => receiver.deliveries.filter((d) => d.path === path);

  it('delivers exactly one correctly signed task.done per task, with the task as GET answers it', async () => {
    const client = new ApiClient(stack.url);
    const created = await uploadWith(client, pdf, `${base}/ok/done`);
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('callback_url');
    const id = created.body.id as string;
    await waitFor('the webhook job to complete', async () => (await jobOf(id))?.state === 'completed');
    const [delivery, ...more] = deliveriesTo('/ok/done');
    expect(more).toHaveLength(0);
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(signatureIsValid(delivery.headers['papermill-signature'] as string, delivery.body, SECRET)).toBe(
      true,
    );
    expect(
      signatureIsValid(delivery.headers['papermill-signature'] as string, delivery.body, 'x'.repeat(40)),
    ).toBe(false);
    const task = (await client.json('GET', `/tasks/${id}`)).body;
    expect(JSON.parse(delivery.body)).toEqual({ event: 'task.done', task });
    expect(task).toMatchObject({ status: 'DONE', page_count: 2, pages_done: 2 });
  });

  it('delivers task.failed for a task that fails', async () => {
    const client = new ApiClient(stack.url);
    const broken = Buffer.from('%PDF-1.7\nthis is not really a PDF at all\n');
    const created = await uploadWith(client, broken, `${base}/ok/failed`);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await waitFor('the webhook job to complete', async () => (await jobOf(id))?.state === 'completed');
    const deliveries = deliveriesTo('/ok/failed');
    expect(deliveries).toHaveLength(1);
    const body = JSON.parse(deliveries[0].body) as { event: string; task: Record<string, unknown> };
    expect(body.event).toBe('task.failed');
    expect(body.task).toMatchObject({ id, status: 'FAILED', error_message: expect.any(String) });
  });

  it('retries a receiver answering 500 and delivers on the third attempt', async () => {
    const created = await uploadWith(new ApiClient(stack.url), pdf, `${base}/flaky/1`);
    const id = created.body.id as string;
    await waitFor('the webhook job to complete', async () => (await jobOf(id))?.state === 'completed');
    expect(deliveriesTo('/flaky/1').map((d) => d.answered)).toEqual([500, 500, 200]);
    expect((await jobOf(id))?.attemptsMade).toBe(3);
    const bodies = deliveriesTo('/flaky/1').map((d) => JSON.parse(d.body) as unknown);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it('gives up at once on a 4xx answer', async () => {
    const created = await uploadWith(new ApiClient(stack.url), pdf, `${base}/gone/1`);
    const id = created.body.id as string;
    await waitFor('the webhook job to fail', async () => (await jobOf(id))?.state === 'failed');
    expect(deliveriesTo('/gone/1')).toHaveLength(1);
    expect((await jobOf(id))?.attemptsMade).toBe(1);
  });

  it.each([
    ['a private address', 'https://10.1.2.3/hook', /private or local address/],
    ['a host resolving to loopback', 'https://localhost/hook', /private or local address/],
    ['an IPv4-mapped loopback address', 'https://[::ffff:127.0.0.1]/hook', /private or local address/],
    ['a CGNAT address', 'https://100.64.1.1/hook', /private or local address/],
    ['plain http to a host not listed', 'http://93.184.215.14/hook', /must be an https URL/],
    ['a listed host on another port', `http://127.0.0.1:1/hook`, /must be an https URL/],
    ['no URL at all', 'not a url', /not a valid URL/],
  ])('refuses %s with 422 at upload, storing nothing', async (_, url, message) => {
    const client = new ApiClient(stack.url);
    const refused = await uploadWith(client, pdf, url);
    expect(refused).toMatchObject({
      status: 422,
      body: {
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'callback_url'],
            msg: expect.stringMatching(message),
            input: url,
          },
        ],
      },
    });
    expect((await client.json('GET', '/tasks')).body).toMatchObject({ total: 0 });
  });

  it('answers 422 "Webhooks are not enabled" while WEBHOOK_SECRET is unset', async () => {
    const client = new ApiClient(disabled.url);
    const refused = await uploadWith(client, pdf, 'https://example.com/hook');
    expect(refused).toEqual({
      status: 422,
      headers: expect.anything(),
      body: {
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'callback_url'],
            msg: 'Webhooks are not enabled',
            input: 'https://example.com/hook',
          },
        ],
      },
    });
    expect((await client.json('GET', '/tasks')).body).toMatchObject({ total: 0 });
    // Without the field, uploads work as ever.
    expect((await client.upload(pdf)).status).toBe(201);
  });
});
