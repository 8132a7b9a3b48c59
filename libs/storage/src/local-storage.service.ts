import { Injectable } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import {
  access,
  constants,
  link,
  lstat,
  mkdir,
  open,
  opendir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  rmdir,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertValidKey,
  assertValidListPrefix,
  assertValidPrefix,
  contentTypeForKey,
} from './storage-key.js';
import {
  InvalidSignedUrlError,
  InvalidStorageKeyError,
  StorageError,
  StorageObjectNotFoundError,
  StorageUnavailableError,
} from './storage.errors.js';
import {
  PresignedGetOptions,
  SignedObject,
  SignedUrlParams,
  StorageListEntry,
  StorageObjectInfo,
  StorageService,
} from './storage.service.js';

const SECRET_FILE = '.url-secret';
const TEMP_DIR = '.tmp';

/**
 * Where a directory path leads: `safe` when it is the real directory of that name under the root,
 * `missing` when part of it does not exist yet, `unsafe` when a symlink on the way leads elsewhere.
 */
type DirectoryCheck = 'safe' | 'missing' | 'unsafe';

function hasCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');
}

/**
 * Files under `STORAGE_DIR`, one per key. Time-limited links point at the api's
 * `GET /storage/<key>` route and carry an HMAC-SHA256 signature of the key, the expiry and the
 * response overrides.
 *
 * Nothing under the root is trusted to be what its path says: a symlink planted there (to `/etc`,
 * to another tenant's files) is never followed. Directories are checked with `realpath`, files are
 * opened with `O_NOFOLLOW` and stat'ed with `lstat`, listings do not descend into symlinks. Reads
 * through a symlink find no object; writes through one are refused with `InvalidStorageKeyError`.
 */
@Injectable()
export class LocalStorageService extends StorageService {
  private readonly root: string;
  private readonly baseUrl: string;
  private readonly configuredSecret?: string;
  private secret?: Promise<Buffer>;
  private realRootPath?: Promise<string>;

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
      // Refused before a byte is read: mkdir would follow a symlinked directory and create under it.
      await this.assertWritable(key, target);
      await mkdir(dirname(temp), { recursive: true });
      if ((await this.checkDirectory(dirname(temp))) !== 'safe')
        throw new Error(`${TEMP_DIR} under the storage root is not a directory of its own`);
      // `wx`: never write through a file planted under the temporary name.
      if (Buffer.isBuffer(body)) await writeFile(temp, body, { flag: 'wx' });
      else await pipeline(body, createWriteStream(temp, { flags: 'wx' }));
      // rename is atomic: readers see the old object or the new one, never half a file.
      await this.makeParent(key, target);
      await rename(temp, target).catch(async (error: unknown) => {
        // A concurrent deletePrefix may have pruned the directory just now: recreate it once.
        if (!hasCode(error, 'ENOENT')) throw error;
        await this.makeParent(key, target);
        await rename(temp, target);
      });
    } catch (error) {
      await rm(temp, { force: true });
      if (sourceError !== undefined && error === sourceError) throw error;
      if (error instanceof StorageError) throw error;
      throw new StorageUnavailableError(`put ${key}`, error);
    }
  }

  async get(key: string): Promise<Readable> {
    return (await this.open(key)).stream;
  }

  async stat(key: string): Promise<StorageObjectInfo | null> {
    const path = this.pathFor(key);
    try {
      if ((await this.checkDirectory(dirname(path))) !== 'safe') return null;
      const info = await lstat(path);
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
      // A symlinked directory holds no objects of ours: nothing under it is deleted.
      if (directory && (await this.checkDirectory(start)) !== 'safe') return 0;
      // List everything first, then delete, so the walk never reads a directory being emptied.
      const paths: string[] = [];
      for await (const path of this.walk(start)) {
        if (this.keyOf(path).startsWith(prefix)) paths.push(path);
      }
      let deleted = 0;
      for (const path of paths) {
        await unlink(path).then(
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

  async *list(prefix: string): AsyncIterable<StorageListEntry> {
    assertValidListPrefix(prefix);
    const lastSlash = prefix.lastIndexOf('/');
    const directory = lastSlash < 0 ? '' : prefix.slice(0, lastSlash);
    const start = directory ? this.pathFor(directory) : this.root;
    try {
      if (directory && (await this.checkDirectory(start)) !== 'safe') return;
      for await (const path of this.walk(start)) {
        const key = this.keyOf(path);
        if (!key.startsWith(prefix)) continue;
        const info = await lstat(path).catch((error: unknown) => {
          // Deleted since the directory was read.
          if (hasCode(error, 'ENOENT')) return null;
          throw error;
        });
        if (info?.isFile()) yield { key, lastModified: new Date(info.mtimeMs) };
      }
    } catch (error) {
      throw new StorageUnavailableError(`list ${prefix}`, error);
    }
  }

  linkOrigin(): string {
    return new URL(this.baseUrl).origin;
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
      if ((await this.checkDirectory(dirname(path))) !== 'safe') throw new StorageObjectNotFoundError(key);
      // O_NOFOLLOW: a symlink in the key's own place fails with ELOOP instead of being followed.
      handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error) {
      if (error instanceof StorageError) throw error;
      if (hasCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP')) throw new StorageObjectNotFoundError(key);
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

  /** The key of a file under the root. */
  private keyOf(path: string): string {
    return relative(this.root, path).split(sep).join('/');
  }

  /**
   * Paths of the regular files under `directory`, read one directory at a time (nothing when it does
   * not exist). Symlinks are neither listed nor descended into; hidden entries (the driver's own
   * `.tmp` and `.url-secret`, which no key can name) are skipped.
   */
  private async *walk(directory: string): AsyncGenerator<string> {
    let dir;
    try {
      dir = await opendir(directory);
    } catch (error) {
      if (hasCode(error, 'ENOENT', 'ENOTDIR')) return;
      throw error;
    }
    for await (const entry of dir) {
      if (entry.name.startsWith('.')) continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) yield* this.walk(path);
      else if (entry.isFile()) yield path;
    }
  }

  /** Where `directory` (the root or a path under it) really leads; see {@link DirectoryCheck}. */
  private async checkDirectory(directory: string): Promise<DirectoryCheck> {
    let real: string;
    try {
      real = await realpath(directory);
    } catch (error) {
      // ENOTDIR: a file where a directory should be; no object can be under it, none created.
      if (hasCode(error, 'ENOENT', 'ENOTDIR')) return 'missing';
      if (hasCode(error, 'ELOOP')) return 'unsafe';
      throw error;
    }
    return real === join(await this.realRoot(), relative(this.root, directory)) ? 'safe' : 'unsafe';
  }

  /** The root with its own symlinks resolved (the operator may point STORAGE_DIR through one). */
  private realRoot(): Promise<string> {
    this.realRootPath ??= realpath(this.root).catch((error: unknown) => {
      this.realRootPath = undefined;
      throw error;
    });
    return this.realRootPath;
  }

  /** Refuses a key whose directory leads through a symlink or whose place holds anything but a file. */
  private async assertWritable(key: string, target: string): Promise<void> {
    const directory = await this.checkDirectory(dirname(target));
    if (directory === 'unsafe') throw new InvalidStorageKeyError(key, 'a directory on its path is a symlink');
    if (directory === 'missing') return;
    const info = await lstat(target).catch((error: unknown) => {
      if (hasCode(error, 'ENOENT')) return null;
      throw error;
    });
    if (info && !info.isFile()) throw new InvalidStorageKeyError(key, 'not a regular file');
  }

  /** Creates the key's directory, then checks that what exists now is ours (no symlink crept in). */
  private async makeParent(key: string, target: string): Promise<void> {
    await mkdir(dirname(target), { recursive: true });
    // `missing` is a concurrent deletePrefix pruning it again: the rename's ENOENT retry handles that.
    if ((await this.checkDirectory(dirname(target))) === 'unsafe')
      throw new InvalidStorageKeyError(key, 'a directory on its path is a symlink');
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
