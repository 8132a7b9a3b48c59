import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigService, parseConfig } from '@papermill/config';
import { Client } from 'minio';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalStorageService } from './local-storage.service.js';
import { S3StorageService } from './s3-storage.service.js';
import {
  InvalidSignedUrlError,
  InvalidStorageKeyError,
  StorageObjectNotFoundError,
  StorageUnavailableError,
} from './storage.errors.js';
import { StorageListEntry, StorageService } from './storage.service.js';

// s3rver is CommonJS without type declarations; only what the tests use is typed here.
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

const S3_CREDENTIALS = { S3_ACCESS_KEY: 'S3RVER', S3_SECRET_KEY: 'S3RVER', S3_REGION: 'us-east-1' };

/** What the shared suite needs from one driver. */
interface Harness {
  storage: StorageService;
  /** Whether the bucket or directory exists (to check that ensureReady creates it). */
  isReady(): Promise<boolean>;
  /** Fetches a pre-signed URL the way a client would: its status, headers and bytes. */
  fetchPresigned(url: string): Promise<{ status: number; contentDisposition?: string | null; body: Buffer }>;
  /** A service of the same driver whose backend cannot be reached. */
  broken(): StorageService;
  close(): Promise<void>;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function listAll(entries: AsyncIterable<StorageListEntry>): Promise<StorageListEntry[]> {
  const all: StorageListEntry[] = [];
  for await (const entry of entries) all.push(entry);
  return all;
}

const keysOf = async (entries: AsyncIterable<StorageListEntry>) =>
  (await listAll(entries)).map((entry) => entry.key).sort();

/** A stream of `size` random bytes in 64 KiB chunks, and the bytes it yields. */
function randomStream(size: number): { stream: Readable; bytes: Buffer } {
  const bytes = randomBytes(size);
  const chunkSize = 64 * 1024;
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < size; offset += chunkSize)
    chunks.push(bytes.subarray(offset, offset + chunkSize));
  return { stream: Readable.from(chunks), bytes };
}

async function localHarness(): Promise<Harness> {
  const tmp = await mkdtemp(join(tmpdir(), 'papermill-storage-'));
  const dir = join(tmp, 'storage');
  const config = new ConfigService(
    parseConfig({ STORAGE_DRIVER: 'local', STORAGE_DIR: dir, PUBLIC_BASE_URL: 'http://files.test/' }),
  );
  const storage = new LocalStorageService(config);
  return {
    storage,
    isReady: async () => existsSync(dir),
    async fetchPresigned(url) {
      // The HTTP route is the api's (tested end to end); here the link goes through the same call.
      const parsed = new URL(url);
      expect(parsed.origin).toBe('http://files.test');
      expect(parsed.pathname.startsWith('/storage/')).toBe(true);
      const key = parsed.pathname.slice('/storage/'.length).split('/').map(decodeURIComponent).join('/');
      const params = Object.fromEntries(parsed.searchParams);
      const object = await storage.openSigned(key, params);
      return {
        status: 200,
        contentDisposition: object.contentDisposition,
        body: await readAll(object.stream),
      };
    },
    broken: () =>
      new LocalStorageService(
        new ConfigService(parseConfig({ STORAGE_DIR: join(tmp, 'missing', 'storage') })),
      ),
    close: () => rm(tmp, { recursive: true, force: true }),
  };
}

async function s3Harness(): Promise<Harness> {
  const directory = await mkdtemp(join(tmpdir(), 'papermill-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true });
  const { port } = await server.run();
  const env = {
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    // Another host name for the same server shows which endpoint the URLs are signed for.
    S3_PUBLIC_ENDPOINT: `http://localhost:${port}`,
    S3_BUCKET: 'papermill-test',
    ...S3_CREDENTIALS,
  };
  const storage = new S3StorageService(new ConfigService(parseConfig(env)));
  const client = new Client({
    endPoint: '127.0.0.1',
    port,
    useSSL: false,
    pathStyle: true,
    region: 'us-east-1',
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
  });
  return {
    storage,
    isReady: () => client.bucketExists('papermill-test'),
    async fetchPresigned(url) {
      expect(new URL(url).origin).toBe(`http://localhost:${port}`);
      const response = await fetch(url);
      return {
        status: response.status,
        contentDisposition: response.headers.get('content-disposition'),
        body: Buffer.from(await response.arrayBuffer()),
      };
    },
    // Port 1 on loopback refuses connections.
    broken: () =>
      new S3StorageService(new ConfigService(parseConfig({ ...env, S3_ENDPOINT: 'http://127.0.0.1:1' }))),
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

describe.each([
  ['local', localHarness],
  ['s3', s3Harness],
])('StorageService contract (%s driver)', (_driver, createHarness) => {
  let harness: Harness;
  let storage: StorageService;

  beforeAll(async () => {
    harness = await createHarness();
    storage = harness.storage;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('creates its bucket or directory when missing, then answers ping', async () => {
    expect(await harness.isReady()).toBe(false);
    await storage.ensureReady();
    expect(await harness.isReady()).toBe(true);
    await storage.ensureReady(); // idempotent
    await expect(storage.ping()).resolves.toBeUndefined();
  });

  it('stores a stream of known size and gives the same bytes back', async () => {
    const { stream, bytes } = randomStream(3 * 1024 * 1024 + 17);
    await storage.put(
      'uploads/11111111-1111-4111-8111-111111111111/input.pdf',
      stream,
      bytes.length,
      'application/pdf',
    );
    const back = await readAll(await storage.get('uploads/11111111-1111-4111-8111-111111111111/input.pdf'));
    expect(back.equals(bytes)).toBe(true);
  });

  it('stores a Buffer and reports its size and content type', async () => {
    const body = Buffer.from('# Title\n\nHello, world.\n');
    await storage.put('outputs/t1/result.md', body, body.length, 'text/markdown; charset=utf-8');
    const info = await storage.stat('outputs/t1/result.md');
    expect(info).toMatchObject({ size: body.length, contentType: 'text/markdown; charset=utf-8' });
    expect(Math.abs((info?.lastModified?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect((await readAll(await storage.get('outputs/t1/result.md'))).toString()).toBe(body.toString());
  });

  it('stores an empty object', async () => {
    await storage.put('outputs/t1/empty.json', Buffer.alloc(0), 0);
    expect(await storage.stat('outputs/t1/empty.json')).toMatchObject({ size: 0 });
    expect((await readAll(await storage.get('outputs/t1/empty.json'))).length).toBe(0);
  });

  it('replaces an existing object', async () => {
    await storage.put('outputs/t2/result.md', Buffer.from('first version'), 13);
    await storage.put('outputs/t2/result.md', Readable.from([Buffer.from('second')]), 6);
    expect((await readAll(await storage.get('outputs/t2/result.md'))).toString()).toBe('second');
    expect((await storage.stat('outputs/t2/result.md'))?.size).toBe(6);
  });

  it('returns null from stat and throws StorageObjectNotFoundError from get when missing', async () => {
    expect(await storage.stat('outputs/nope/result.md')).toBeNull();
    await expect(storage.get('outputs/nope/result.md')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
    // A "directory" of the local driver is not an object either.
    expect(await storage.stat('outputs/t1')).toBeNull();
    await expect(storage.get('outputs/t1')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  it('passes the source stream error through unchanged', async () => {
    const failure = new Error('client went away');
    const stream = new Readable({
      read() {
        this.destroy(failure);
      },
    });
    await expect(storage.put('uploads/t3/input.pdf', stream, 100)).rejects.toBe(failure);
    expect(await storage.stat('uploads/t3/input.pdf')).toBeNull();
  });

  it('deletes every object under a prefix and nothing else', async () => {
    const task = 'aaaaaaaa-0000-4000-8000-000000000001';
    const keys = [
      `uploads/${task}/input.pdf`,
      `outputs/${task}/result.md`,
      `outputs/${task}/result.assets.json`,
      `${task}/figures/picture-1.png`,
      `${task}/figures/picture-2.png`,
    ];
    const neighbours = [`outputs/${task}0/result.md`, `outputs/other/result.md`, `uploads/other/input.pdf`];
    for (const key of [...keys, ...neighbours]) await storage.put(key, Buffer.from(key), key.length);

    expect(await storage.deletePrefix(`outputs/${task}/`)).toBe(2);
    expect(await storage.deletePrefix(`${task}/`)).toBe(2);
    expect(await storage.deletePrefix(`uploads/${task}/`)).toBe(1);
    expect(await storage.deletePrefix(`uploads/${task}/`)).toBe(0);

    for (const key of keys) expect(await storage.stat(key)).toBeNull();
    for (const key of neighbours) expect((await readAll(await storage.get(key))).toString()).toBe(key);
  });

  it('lists every object under a prefix with its time, and every object for the empty prefix', async () => {
    const task = 'bbbbbbbb-0000-4000-8000-000000000002';
    const keys = [
      `uploads/${task}/input.pdf`,
      `outputs/${task}/result.md`,
      `outputs/${task}/result.assets.json`,
      `${task}/figures/picture-1.png`,
    ];
    for (const key of keys) await storage.put(key, Buffer.from(key), key.length);
    await storage.put(`outputs/${task}0/result.md`, Buffer.from('x'), 1);

    const listed = await listAll(storage.list(`outputs/${task}/`));
    expect(listed.map((entry) => entry.key).sort()).toEqual(
      [`outputs/${task}/result.assets.json`, `outputs/${task}/result.md`].sort(),
    );
    for (const entry of listed)
      expect(Math.abs(entry.lastModified.getTime() - Date.now())).toBeLessThan(60_000);
    // A prefix needs not end at a slash.
    expect(await keysOf(storage.list(`outputs/${task}`))).toEqual(
      [
        `outputs/${task}/result.assets.json`,
        `outputs/${task}/result.md`,
        `outputs/${task}0/result.md`,
      ].sort(),
    );
    const everything = await keysOf(storage.list(''));
    for (const key of keys) expect(everything).toContain(key);
    // The local driver's own files are not objects.
    expect(everything.filter((key) => key.split('/').some((segment) => segment.startsWith('.')))).toEqual([]);
    expect(await keysOf(storage.list('outputs/nothing-here/'))).toEqual([]);

    await storage.deletePrefix(`outputs/${task}/`);
    expect(await keysOf(storage.list(`outputs/${task}/`))).toEqual([]);
  });

  it.each(['/', '../', 'outputs//', '/outputs/'])('refuses to list the unsafe prefix %j', async (prefix) => {
    await expect(listAll(storage.list(prefix))).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it('deletes more objects than fit in one batch request', async () => {
    const count = 1005;
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        storage.put(`many/figures/picture-${i}.png`, Buffer.from([i % 256]), 1),
      ),
    );
    // More than one listing page too (S3 answers up to 1000 keys a page).
    expect((await listAll(storage.list('many/'))).length).toBe(count);
    expect(await storage.deletePrefix('many/')).toBe(count);
    expect(await storage.stat('many/figures/picture-0.png')).toBeNull();
  }, 60_000);

  it('gives a time-limited URL that returns the bytes with the requested disposition', async () => {
    const png = randomBytes(2048);
    await storage.put('t4/figures/picture-1.png', png, png.length, 'image/png');
    const url = await storage.presignedGetUrl('t4/figures/picture-1.png', 60, {
      contentDisposition: 'attachment; filename="picture-1.png"',
    });
    const response = await harness.fetchPresigned(url);
    expect(response.status).toBe(200);
    expect(response.contentDisposition).toBe('attachment; filename="picture-1.png"');
    expect(response.body.equals(png)).toBe(true);
  });

  it('names the origin of its time-limited URLs', async () => {
    const url = await storage.presignedGetUrl('t4/figures/picture-1.png', 60);
    expect(storage.linkOrigin()).toBe(new URL(url).origin);
    expect(storage.linkOrigin()).toMatch(/^http:\/\/[^/]+$/);
  });

  it.each([
    '',
    '/etc/passwd',
    'C:/windows/win.ini',
    '../outside',
    'outputs/../../outside',
    'outputs/./result.md',
    'outputs\\t1\\result.md',
    'outputs//result.md',
    'outputs/t1/',
    '.url-secret',
    'outputs/.hidden',
    'outputs/t1/result.md\n',
  ])('refuses the unsafe key %j', async (key) => {
    await expect(storage.put(key, Buffer.from('x'), 1)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.stat(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.presignedGetUrl(key, 60)).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it.each(['', '/', '../', 'outputs//', '/outputs/'])(
    'refuses to delete the unsafe prefix %j',
    async (prefix) => {
      await expect(storage.deletePrefix(prefix)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    },
  );

  it('reports an unreachable backend as StorageUnavailableError', async () => {
    const broken = harness.broken();
    await expect(broken.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
    if (_driver === 's3')
      await expect(listAll(broken.list(''))).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

describe('LocalStorageService signed links', () => {
  let tmp: string;
  let storage: LocalStorageService;
  const create = (env: Record<string, string> = {}) =>
    new LocalStorageService(
      new ConfigService(parseConfig({ STORAGE_DIR: join(tmp, 'storage'), PORT: '8123', ...env })),
    );

  const paramsOf = (url: string) => {
    const parsed = new URL(url);
    return {
      key: parsed.pathname.slice('/storage/'.length).split('/').map(decodeURIComponent).join('/'),
      params: Object.fromEntries(parsed.searchParams),
    };
  };

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'papermill-links-'));
    storage = create();
    await storage.ensureReady();
    await storage.put('outputs/t1/result.md', Buffer.from('# Hi\n'), 5);
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('points at /storage/<key> on http://localhost:<PORT> by default', async () => {
    const url = new URL(await storage.presignedGetUrl('outputs/t1/result.md', 60));
    expect(url.origin).toBe('http://localhost:8123');
    expect(url.pathname).toBe('/storage/outputs/t1/result.md');
    expect(Number(url.searchParams.get('expires'))).toBeGreaterThan(Date.now() / 1000 + 55);
    expect(url.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a valid link and refuses a tampered or expired one', async () => {
    const { key, params } = paramsOf(
      await storage.presignedGetUrl('outputs/t1/result.md', 60, { contentDisposition: 'attachment' }),
    );
    expect(await storage.verifySignedUrl(key, params)).toBe(true);
    expect(await storage.verifySignedUrl('outputs/t2/result.md', params)).toBe(false);
    expect(
      await storage.verifySignedUrl(key, { ...params, expires: String(Number(params.expires) + 1) }),
    ).toBe(false);
    expect(await storage.verifySignedUrl(key, { ...params, disposition: 'inline' })).toBe(false);
    expect(await storage.verifySignedUrl(key, { ...params, type: 'text/html' })).toBe(false);
    expect(await storage.verifySignedUrl(key, { ...params, signature: '0'.repeat(64) })).toBe(false);
    expect(await storage.verifySignedUrl(key, { ...params, signature: 'zz' })).toBe(false);
    expect(await storage.verifySignedUrl(key, { expires: params.expires })).toBe(false);
    expect(await storage.verifySignedUrl('../outputs/t1/result.md', params)).toBe(false);
    const later = new Date((Number(params.expires) + 1) * 1000);
    expect(await storage.verifySignedUrl(key, params, later)).toBe(false);
  });

  it('opens a signed object with its content type, and refuses bad links', async () => {
    const { key, params } = paramsOf(await storage.presignedGetUrl('outputs/t1/result.md', 60));
    const object = await storage.openSigned(key, params);
    expect(object).toMatchObject({ size: 5, contentType: 'text/markdown; charset=utf-8' });
    expect(object.contentDisposition).toBeUndefined();
    expect((await readAll(object.stream)).toString()).toBe('# Hi\n');
    await expect(storage.openSigned(key, { ...params, signature: 'a'.repeat(64) })).rejects.toBeInstanceOf(
      InvalidSignedUrlError,
    );
  });

  it('answers not found for a validly signed link to a deleted object', async () => {
    await storage.put('outputs/t9/result.md', Buffer.from('x'), 1);
    const { key, params } = paramsOf(await storage.presignedGetUrl('outputs/t9/result.md', 60));
    await storage.deletePrefix('outputs/t9/');
    await expect(storage.openSigned(key, params)).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  it('keeps a generated secret in .url-secret (mode 600), shared by every process on the disk', async () => {
    const file = join(tmp, 'storage', '.url-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const secret = await readFile(file, 'utf8');
    const url = await storage.presignedGetUrl('outputs/t1/result.md', 60);
    const other = create();
    const { key, params } = paramsOf(url);
    expect(await other.verifySignedUrl(key, params)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(secret);
  });

  it('creates the secret only once when processes race for it', async () => {
    const dir = join(tmp, 'race');
    const services = Array.from({ length: 8 }, () => create({ STORAGE_DIR: dir }));
    const urls = await Promise.all(services.map((s) => s.presignedGetUrl('a/b.png', 60)));
    for (const url of urls) {
      const { key, params } = paramsOf(url);
      for (const service of services) expect(await service.verifySignedUrl(key, params)).toBe(true);
    }
  });

  it('signs with STORAGE_URL_SECRET when set', async () => {
    const secret = 'a-configured-secret-of-some-length';
    const a = create({ STORAGE_DIR: join(tmp, 'a'), STORAGE_URL_SECRET: secret });
    const b = create({ STORAGE_DIR: join(tmp, 'b'), STORAGE_URL_SECRET: secret });
    const { key, params } = paramsOf(await a.presignedGetUrl('a/b.png', 60));
    expect(await b.verifySignedUrl(key, params)).toBe(true);
    expect(await storage.verifySignedUrl(key, params)).toBe(false);
    expect(existsSync(join(tmp, 'a', '.url-secret'))).toBe(false);
  });

  it('refuses a secret file that holds no usable secret', async () => {
    const dir = join(tmp, 'bad-secret');
    const bad = create({ STORAGE_DIR: dir });
    await bad.ensureReady();
    await writeFile(join(dir, '.url-secret'), 'short');
    await expect(create({ STORAGE_DIR: dir }).presignedGetUrl('a/b.png', 60)).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
  });
});

describe('S3StorageService batch deletes', () => {
  it('retries a failed batch delete once', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'papermill-s3rver-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true });
    const { port } = await server.run();
    try {
      const storage = new S3StorageService(
        new ConfigService(
          parseConfig({ S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_BUCKET: 'retry', ...S3_CREDENTIALS }),
        ),
      );
      await storage.ensureReady();
      await storage.put('x/a.png', Buffer.from('a'), 1);
      await storage.put('x/b.png', Buffer.from('b'), 1);
      // Make the first DeleteObjects request fail the way a flaky endpoint does.
      const client = (storage as unknown as { client: Client }).client;
      const original = client.removeObjects.bind(client);
      let calls = 0;
      client.removeObjects = async (...args: Parameters<Client['removeObjects']>) => {
        if (++calls === 1) throw new Error('socket hang up');
        return original(...args);
      };
      expect(await storage.deletePrefix('x/')).toBe(2);
      expect(calls).toBe(2);
      expect(await storage.stat('x/a.png')).toBeNull();
    } finally {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('LocalStorageService and symlinks under its root', () => {
  let tmp: string;
  let root: string;
  let outside: string;
  let storage: LocalStorageService;
  const task = 'cccccccc-0000-4000-8000-000000000003';
  const SECRET = 'root:x:0:0:root:/root:/bin/bash\n';

  /** The files outside the root, with their bytes: none may change, none may be added. */
  const outsideFiles = async () => {
    const files: Record<string, string> = {};
    for (const entry of await readdir(outside, { recursive: true, withFileTypes: true })) {
      if (entry.isFile())
        files[join(entry.parentPath, entry.name)] = await readFile(
          join(entry.parentPath, entry.name),
          'utf8',
        );
    }
    return files;
  };
  let before: Record<string, string>;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'papermill-symlinks-'));
    root = join(tmp, 'storage');
    outside = join(tmp, 'outside');
    await mkdir(join(outside, 'dir'), { recursive: true });
    await writeFile(join(outside, 'passwd'), SECRET);
    await writeFile(join(outside, 'dir', 'result.md'), 'not yours');
    storage = new LocalStorageService(
      new ConfigService(parseConfig({ STORAGE_DIR: root, PUBLIC_BASE_URL: 'http://files.test' })),
    );
    await storage.ensureReady();
    await storage.put(`uploads/${task}/input.pdf`, Buffer.from('%PDF'), 4);
    // A symlinked file where an object would be, a symlinked task directory, a symlinked top folder.
    await mkdir(join(root, 'outputs', task), { recursive: true });
    await symlink(join(outside, 'passwd'), join(root, 'outputs', task, 'result.md'));
    await symlink(join(outside, 'dir'), join(root, 'outputs', 'dddddddd-0000-4000-8000-000000000004'));
    await symlink(join(outside, 'dir'), join(root, task));
    before = await outsideFiles();
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  const linkedKeys = [
    `outputs/${task}/result.md`,
    'outputs/dddddddd-0000-4000-8000-000000000004/result.md',
    `${task}/result.md`,
  ];

  it.each(linkedKeys)('reads nothing through %j', async (key) => {
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageObjectNotFoundError);
    const url = new URL(await storage.presignedGetUrl(key, 60));
    await expect(storage.openSigned(key, Object.fromEntries(url.searchParams))).rejects.toBeInstanceOf(
      StorageObjectNotFoundError,
    );
  });

  it.each([...linkedKeys, `${task}/figures/picture-1.png`])('writes nothing through %j', async (key) => {
    await expect(storage.put(key, Buffer.from('overwritten'), 11)).rejects.toBeInstanceOf(
      InvalidStorageKeyError,
    );
    await expect(storage.put(key, Readable.from([Buffer.from('overwritten')]), 11)).rejects.toBeInstanceOf(
      InvalidStorageKeyError,
    );
    expect(await outsideFiles()).toEqual(before);
    expect((await lstat(join(root, 'outputs', task, 'result.md'))).isSymbolicLink()).toBe(true);
  });

  it('lists nothing through a symlink', async () => {
    expect(await keysOf(storage.list(''))).toEqual([`uploads/${task}/input.pdf`]);
    expect(await keysOf(storage.list(`${task}/`))).toEqual([]);
    expect(await keysOf(storage.list(`outputs/dddddddd-0000-4000-8000-000000000004/`))).toEqual([]);
  });

  it('deletes nothing through a symlink, and leaves the links themselves', async () => {
    expect(await storage.deletePrefix(`outputs/${task}/`)).toBe(0);
    expect(await storage.deletePrefix('outputs/dddddddd-0000-4000-8000-000000000004/')).toBe(0);
    expect(await storage.deletePrefix(`${task}/`)).toBe(0);
    expect(await storage.deletePrefix(task.slice(0, 4))).toBe(0);
    expect(await storage.deletePrefix('outputs/')).toBe(0);
    expect(await outsideFiles()).toEqual(before);
    expect((await lstat(join(root, task))).isSymbolicLink()).toBe(true);
    expect((await lstat(join(root, 'outputs', task, 'result.md'))).isSymbolicLink()).toBe(true);
    // Real objects beside them are still deleted.
    expect(await storage.deletePrefix(`uploads/${task}/`)).toBe(1);
    expect(await keysOf(storage.list(''))).toEqual([]);
  });

  it('still serves a root that is itself reached through a symlink (the operator chose it)', async () => {
    const alias = join(tmp, 'alias');
    await symlink(root, alias);
    const aliased = new LocalStorageService(new ConfigService(parseConfig({ STORAGE_DIR: alias })));
    await aliased.put('outputs/t1/result.md', Buffer.from('# ok'), 4);
    expect((await readAll(await aliased.get('outputs/t1/result.md'))).toString()).toBe('# ok');
    expect(await keysOf(aliased.list('outputs/t1/'))).toEqual(['outputs/t1/result.md']);
    expect(await aliased.deletePrefix('outputs/t1/')).toBe(1);
  });
});
