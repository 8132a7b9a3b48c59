import { Injectable } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import {
  access,
  constants,
  link,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, assertValidPrefix, contentTypeForKey } from './storage-key.js';
import {
  InvalidSignedUrlError,
  InvalidStorageKeyError,
  StorageError,
  StorageObjectNotFoundError,
  StorageUnavailableError,
} from './storage.errors.js';
import { PresignedGetOptions, StorageObjectInfo, StorageService } from './storage.service.js';

const SECRET_FILE = '.url-secret';
const TEMP_DIR = '.tmp';

/** The signed parameters of a local storage link, as they arrive in the query string. */
export interface SignedUrlParams {
  expires?: string;
  signature?: string;
  disposition?: string;
  type?: string;
}

/** An object opened through a valid signed link, ready to stream. */
export interface SignedObject {
  stream: Readable;
  size: number;
  contentType: string;
  contentDisposition?: string;
}

function hasCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');
}

/**
 * Files under `STORAGE_DIR`, one per key. Time-limited links point at the api's
 * `GET /storage/<key>` route and carry an HMAC-SHA256 signature of the key, the expiry and the
 * response overrides.
 */
@Injectable()
export class LocalStorageService extends StorageService {
  private readonly root: string;
  private readonly baseUrl: string;
  private readonly configuredSecret?: string;
  private secret?: Promise<Buffer>;

  constructor(config: ConfigService) {
    super();
    this.root = resolve(config.get('STORAGE_DIR'));
    this.baseUrl = (config.get('PUBLIC_BASE_URL') ?? `http://localhost:${config.get('PORT')}`).replace(
      /\/+$/,
      '',
    );
    this.configuredSecret = config.get('STORAGE_URL_SECRET');
  }

  async put(key: string, body: Readable | Buffer, _size: number, _contentType?: string): Promise<void> {
    // The content type is not stored: it is inferred from the key's extension when served.
    const target = this.pathFor(key);
    const temp = join(this.root, TEMP_DIR, `${randomUUID()}.part`);
    let sourceError: unknown;
    if (body instanceof Readable) body.once('error', (error) => (sourceError = error));
    try {
      await mkdir(dirname(temp), { recursive: true });
      if (Buffer.isBuffer(body)) await writeFile(temp, body);
      else await pipeline(body, createWriteStream(temp));
      // rename is atomic: readers see the old object or the new one, never half a file.
      await mkdir(dirname(target), { recursive: true });
      await rename(temp, target).catch(async (error: unknown) => {
        // A concurrent deletePrefix may have pruned the directory just now: recreate it once.
        if (!hasCode(error, 'ENOENT')) throw error;
        await mkdir(dirname(target), { recursive: true });
        await rename(temp, target);
      });
    } catch (error) {
      await rm(temp, { force: true });
      if (sourceError !== undefined && error === sourceError) throw error;
      throw new StorageUnavailableError(`put ${key}`, error);
    }
  }

  async get(key: string): Promise<Readable> {
    return (await this.open(key)).stream;
  }

  async stat(key: string): Promise<StorageObjectInfo | null> {
    const path = this.pathFor(key);
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      return { size: info.size, contentType: contentTypeForKey(key), lastModified: new Date(info.mtimeMs) };
    } catch (error) {
      if (hasCode(error, 'ENOENT', 'ENOTDIR')) return null;
      throw new StorageUnavailableError(`stat ${key}`, error);
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertValidPrefix(prefix);
    // Only the deepest directory the prefix names can hold matching keys.
    const lastSlash = prefix.lastIndexOf('/');
    const directory = lastSlash < 0 ? '' : prefix.slice(0, lastSlash);
    const start = directory ? this.pathFor(directory) : this.root;
    try {
      let deleted = 0;
      for (const key of await this.listFiles(start)) {
        if (!key.startsWith(prefix)) continue;
        await unlink(this.pathFor(key)).then(
          () => deleted++,
          (error: unknown) => {
            if (!hasCode(error, 'ENOENT')) throw error;
          },
        );
      }
      if (directory) await this.pruneEmptyDirectories(start);
      return deleted;
    } catch (error) {
      throw new StorageUnavailableError(`deletePrefix ${prefix}`, error);
    }
  }

  async presignedGetUrl(
    key: string,
    expirySeconds: number,
    options: PresignedGetOptions = {},
  ): Promise<string> {
    assertValidKey(key);
    const expires = String(Math.floor(Date.now() / 1000) + Math.floor(expirySeconds));
    const query = new URLSearchParams({ expires });
    if (options.contentDisposition) query.set('disposition', options.contentDisposition);
    if (options.contentType) query.set('type', options.contentType);
    query.set('signature', await this.sign(key, { expires, ...pick(options) }));
    const path = key.split('/').map(encodeURIComponent).join('/');
    return `${this.baseUrl}/storage/${path}?${query.toString()}`;
  }

  /** True when `params` carry this key's signature and have not expired. */
  async verifySignedUrl(key: string, params: SignedUrlParams, now: Date = new Date()): Promise<boolean> {
    const { expires, signature } = params;
    if (!expires || !signature || !/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/i.test(signature))
      return false;
    if (Number(expires) < Math.floor(now.getTime() / 1000)) return false;
    try {
      assertValidKey(key);
    } catch {
      return false;
    }
    const expected = Buffer.from(await this.sign(key, params), 'hex');
    return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
  }

  /**
   * Opens the object a signed link points at. Throws `InvalidSignedUrlError` for a bad or expired
   * link and `StorageObjectNotFoundError` when the object is gone.
   */
  async openSigned(key: string, params: SignedUrlParams): Promise<SignedObject> {
    if (!(await this.verifySignedUrl(key, params))) throw new InvalidSignedUrlError();
    const { stream, size } = await this.open(key);
    return {
      stream,
      size,
      contentType: params.type || contentTypeForKey(key),
      contentDisposition: params.disposition || undefined,
    };
  }

  async ensureReady(): Promise<void> {
    try {
      await mkdir(this.root, { recursive: true });
    } catch (error) {
      throw new StorageUnavailableError(`ensureReady (${this.root})`, error);
    }
    await this.urlSecret();
  }

  async ping(): Promise<void> {
    try {
      await access(this.root, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new StorageUnavailableError('ping', error);
    }
  }

  private async open(key: string): Promise<{ stream: Readable; size: number }> {
    const path = this.pathFor(key);
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (hasCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) throw new StorageObjectNotFoundError(key);
      throw new StorageUnavailableError(`get ${key}`, error);
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new StorageObjectNotFoundError(key);
      return { stream: handle.createReadStream(), size: info.size };
    } catch (error) {
      await handle.close();
      if (error instanceof StorageError) throw error;
      throw new StorageUnavailableError(`get ${key}`, error);
    }
  }

  /** The file of a key; refuses anything that would resolve outside the root. */
  private pathFor(key: string): string {
    assertValidKey(key);
    const path = resolve(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new InvalidStorageKeyError(key, 'outside the storage root');
    return path;
  }

  /** Keys of every file under `directory` (empty when it does not exist). */
  private async listFiles(directory: string): Promise<string[]> {
    let entries;
    try {
      entries = await readdir(directory, { recursive: true, withFileTypes: true });
    } catch (error) {
      if (hasCode(error, 'ENOENT', 'ENOTDIR')) return [];
      throw error;
    }
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(this.root, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((key) => !key.split('/').some((segment) => segment.startsWith('.')));
  }

  /** Removes the empty directories left under `start`, then its parents while they are empty. */
  private async pruneEmptyDirectories(start: string): Promise<void> {
    if (!(await this.removeEmptyTree(start))) return;
    for (let current = dirname(start); current.startsWith(this.root + sep); current = dirname(current)) {
      try {
        await rmdir(current);
      } catch (error) {
        if (hasCode(error, 'ENOENT')) continue;
        if (hasCode(error, 'ENOTEMPTY', 'EEXIST')) return;
        throw error;
      }
    }
  }

  /** Removes the empty directories under and including `directory`; true when it is gone. */
  private async removeEmptyTree(directory: string): Promise<boolean> {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      if (hasCode(error, 'ENOENT')) return true;
      if (hasCode(error, 'ENOTDIR')) return false;
      throw error;
    }
    let empty = true;
    for (const entry of entries) {
      if (!entry.isDirectory() || !(await this.removeEmptyTree(join(directory, entry.name)))) empty = false;
    }
    if (!empty) return false;
    try {
      await rmdir(directory);
      return true;
    } catch (error) {
      // A concurrent put may have just created a file here: keep the directory.
      if (hasCode(error, 'ENOTEMPTY', 'EEXIST')) return false;
      if (hasCode(error, 'ENOENT')) return true;
      throw error;
    }
  }

  private async sign(key: string, params: SignedUrlParams): Promise<string> {
    const payload = [key, params.expires ?? '', params.disposition ?? '', params.type ?? ''].join('\n');
    return createHmac('sha256', await this.urlSecret())
      .update(payload)
      .digest('hex');
  }

  private urlSecret(): Promise<Buffer> {
    this.secret ??= this.loadSecret().catch((error: unknown) => {
      this.secret = undefined;
      throw new StorageUnavailableError('loading the URL signing secret', error);
    });
    return this.secret;
  }

  /**
   * STORAGE_URL_SECRET, or a random secret kept in `<STORAGE_DIR>/.url-secret` so links survive
   * restarts and every process sharing the disk (api, worker) signs with the same one.
   */
  private async loadSecret(): Promise<Buffer> {
    if (this.configuredSecret) return Buffer.from(this.configuredSecret, 'utf8');
    const file = join(this.root, SECRET_FILE);
    try {
      return await readSecretFile(file);
    } catch (error) {
      if (!hasCode(error, 'ENOENT')) throw error;
    }
    await mkdir(this.root, { recursive: true });
    // Write a complete file aside, then link it into place: link fails if another process won
    // the race, and nobody ever reads a half-written secret.
    const temp = join(this.root, `${SECRET_FILE}.${randomUUID()}`);
    await writeFile(temp, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      await link(temp, file);
    } catch (error) {
      if (!hasCode(error, 'EEXIST')) throw error;
    } finally {
      await unlink(temp);
    }
    return readSecretFile(file);
  }
}

async function readSecretFile(file: string): Promise<Buffer> {
  const secret = (await readFile(file, 'utf8')).trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret`);
  return Buffer.from(secret, 'utf8');
}

function pick(options: PresignedGetOptions): SignedUrlParams {
  return { disposition: options.contentDisposition, type: options.contentType };
}
