import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { postWebhook } from './webhook-request.js';

describe('postWebhook', () => {
  let server: Server;
  let port: number;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.url ?? '');
      if (request.url === '/moved') response.writeHead(302, { location: '/elsewhere' }).end();
      else response.writeHead(request.url === '/down' ? 503 : 200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('checks the resolved address before connecting: a name for loopback is refused unless listed', async () => {
    const outcome = await postWebhook(`https://localhost:${port}/private`, '{}', {}, []);
    expect(outcome).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/private or local/) });
    expect(seen).not.toContain('/private');
  });

  it('delivers to a listed host, follows no redirect, and tells 5xx (retry) from 3xx/4xx (refused)', async () => {
    const allowed = [`127.0.0.1:${port}`];
    const at = (path: string) => postWebhook(`http://127.0.0.1:${port}${path}`, '{"a":1}', {}, allowed);
    expect(await at('/ok')).toEqual({ kind: 'delivered', status: 200 });
    expect(await at('/down')).toMatchObject({ kind: 'retry', status: 503 });
    expect(await at('/moved')).toMatchObject({ kind: 'refused', status: 302 });
    expect(seen).not.toContain('/elsewhere');
  });

  it('retries when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await postWebhook(`http://127.0.0.1:${free}/`, '{}', {}, [`127.0.0.1:${free}`]);
    expect(outcome).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/ECONNREFUSED/) });
  });
});
