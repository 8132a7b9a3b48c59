import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client as MinioClient } from 'minio';
import { ApiClient } from '../support/client.js';
import { startStack, Stack } from '../support/stack.js';
import { buildPdfWithFigure } from '../support/test-pdf.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.each(['s3', 'local'] as const)('figure routes (%s storage)', (storage) => {
  let stack: Stack;
  let client: ApiClient;
  let id: string;

  beforeAll(async () => {
    stack = await startStack({ storage });
    client = new ApiClient(stack.url);
    id = String((await client.upload(await buildPdfWithFigure(), 'figure.pdf')).body.id);
    expect((await client.waitForTask(id)).status).toBe('DONE');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lists the figure with its caption and a pre-signed URL that serves the PNG', async () => {
    const { status, body } = await client.json<{ items: Record<string, unknown>[]; total: number }>(
      'GET',
      `/tasks/${id}/figures`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 1, limit: 50, offset: 0, has_more: false });
    expect(body.items[0]).toMatchObject({
      figure_index: 1,
      title: 'Figure 1. A red square seen from above.',
      s3_key: `${id}/figures/picture-1.png`,
    });
    expect(Object.keys(body.items[0]).sort()).toEqual(['figure_index', 's3_key', 'title', 'url']);
    // Fetched directly, without the api's cookie: the URL alone grants access, until it expires.
    const direct = await fetch(String(body.items[0].url));
    expect(direct.status).toBe(200);
    const bytes = Buffer.from(await direct.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(PNG_MAGIC);

    const one = await client.json<Record<string, unknown>>('GET', `/tasks/${id}/figures/1`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ figure_index: 1, s3_key: `${id}/figures/picture-1.png` });
  });

  it('records the figure page and box in the assets JSON', async () => {
    const { body } = await client.json<{ figures: { index: number; page: number; bbox: number[] }[] }>(
      'GET',
      `/tasks/${id}/assets`,
    );
    expect(body.figures).toHaveLength(1);
    expect(body.figures[0]).toMatchObject({ index: 1, page: 1 });
    const [x0, y0, x1, y1] = body.figures[0].bbox;
    // The image was drawn at x 150..450, y 450..630 (PDF points).
    expect([x0, y0, x1, y1].map(Math.round)).toEqual([150, 450, 450, 630]);
  });

  it('streams the PNG inline by default and as an attachment on request', async () => {
    const inline = await client.request('GET', `/tasks/${id}/figures/1/download`);
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-type')).toBe('image/png');
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; filename="?picture-1\.png"?$/);
    expect(Buffer.from(await inline.arrayBuffer()).subarray(0, 8)).toEqual(PNG_MAGIC);
    const attachment = await client.request('GET', `/tasks/${id}/figures/1/download?download=true`);
    expect(attachment.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?picture-1\.png"?$/,
    );
    const invalid = await client.json('GET', `/tasks/${id}/figures/1/download?download=maybe`);
    expect(invalid.status).toBe(422);
  });

  it('answers 404 for a figure that does not exist and 422 for an index below 1', async () => {
    expect(await client.json('GET', `/tasks/${id}/figures/2`)).toMatchObject({
      status: 404,
      body: { detail: 'Figure not found' },
    });
    expect(await client.json('GET', `/tasks/${id}/figures/2/download`)).toMatchObject({
      status: 404,
      body: { detail: 'Figure not found' },
    });
    const zero = await client.json<{ detail: { loc: string[]; type: string }[] }>(
      'GET',
      `/tasks/${id}/figures/0`,
    );
    expect(zero.status).toBe(422);
    expect(zero.body.detail[0]).toMatchObject({ loc: ['path', 'n'], type: 'greater_than_equal' });
  });

  if (storage === 's3') {
    it('answers 404 when the figure object is gone and 502 when storage fails', async () => {
      const endpoint = new URL(stack.config.S3_ENDPOINT);
      const minio = new MinioClient({
        endPoint: endpoint.hostname,
        port: Number(endpoint.port),
        useSSL: false,
        accessKey: 'S3RVER',
        secretKey: 'S3RVER',
        region: 'us-east-1',
        pathStyle: true,
      });
      await minio.removeObject(stack.config.S3_BUCKET, `${id}/figures/picture-1.png`);
      expect(await client.json('GET', `/tasks/${id}/figures/1/download`)).toMatchObject({
        status: 404,
        body: { detail: 'Figure file not found' },
      });
      await stack.stopS3?.();
      expect(await client.json('GET', `/tasks/${id}/figures/1/download`)).toMatchObject({
        status: 502,
        body: { detail: 'Failed to fetch figure file' },
      });
    });
  }
});
