import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule, ConfigService, parseConfig } from '@papermill/config';
import { S3StorageService, StorageModule, StorageService } from '@papermill/storage';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { StorageLinksController } from './storage-links.controller.js';
import { StorageLinksModule } from './storage-links.module.js';
import { StorageLinksService } from './storage-links.service.js';

/** The path and query of a link, as a client would request it from the api. */
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

describe('GET /storage/*key (local driver)', () => {
  let tmp: string;
  let app: INestApplication;
  let storage: StorageService;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'papermill-links-'));
    const config = parseConfig({ STORAGE_DRIVER: 'local', STORAGE_DIR: tmp, PORT: '8000' });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), StorageModule.forRoot(), StorageLinksModule],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
    storage = app.get(StorageService);
    await storage.put('outputs/t1/result.md', Buffer.from('# Hello\n'), 8);
    await storage.put('t1/figures/picture 1.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 4);
  });

  afterAll(async () => {
    await app?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('streams the object of a valid link with its content type', async () => {
    const url = await storage.presignedGetUrl('outputs/t1/result.md', 60);
    const response = await request(app.getHttpServer()).get(pathOf(url));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers['content-length']).toBe('8');
    expect(response.text).toBe('# Hello\n');
  });

  it('decodes the key and sends the signed Content-Disposition', async () => {
    const url = await storage.presignedGetUrl('t1/figures/picture 1.png', 60, {
      contentDisposition: 'attachment; filename="picture 1.png"',
    });
    const response = await request(app.getHttpServer()).get(pathOf(url)).buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-disposition']).toBe('attachment; filename="picture 1.png"');
    expect(Buffer.from(response.body as Buffer)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  it('answers 403 for a tampered key, an expired or a missing signature', async () => {
    const server = app.getHttpServer();
    const url = pathOf(await storage.presignedGetUrl('outputs/t1/result.md', 60));
    const expired = pathOf(await storage.presignedGetUrl('outputs/t1/result.md', -1));
    for (const path of [url.replace('t1', 't2'), expired, '/storage/outputs/t1/result.md']) {
      const response = await request(server).get(path);
      expect(response.status).toBe(403);
      expect((response.body as { message: string }).message).toBe('Invalid or expired signature');
    }
  });

  it('answers 404 when the signed object is missing', async () => {
    const url = await storage.presignedGetUrl('outputs/gone/result.md', 60);
    const response = await request(app.getHttpServer()).get(pathOf(url));
    expect(response.status).toBe(404);
    expect((response.body as { message: string }).message).toBe('Not Found');
  });
});

describe('GET /storage/*key (s3 driver)', () => {
  it('answers 404: S3 links go to the bucket, not to the api', async () => {
    const s3 = new S3StorageService(new ConfigService(parseConfig({ STORAGE_DRIVER: 's3' })));
    const moduleRef = await Test.createTestingModule({
      controllers: [StorageLinksController],
      providers: [StorageLinksService, { provide: StorageService, useValue: s3 }],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    try {
      const response = await request(app.getHttpServer()).get(
        `/storage/outputs/t1/result.md?expires=9999999999&signature=${'0'.repeat(64)}`,
      );
      expect(response.status).toBe(404);
      expect((response.body as { message: string }).message).toBe('Not Found');
    } finally {
      await app.close();
    }
  });
});
