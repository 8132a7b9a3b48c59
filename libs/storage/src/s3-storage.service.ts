import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { Client, S3Error } from 'minio';
import { Readable } from 'node:stream';
import {
  assertValidKey,
  assertValidListPrefix,
  assertValidPrefix,
  contentTypeForKey,
} from './storage-key.js';
import { StorageObjectNotFoundError, StorageUnavailableError } from './storage.errors.js';
import {
  PresignedGetOptions,
  SignedObject,
  SignedUrlParams,
  StorageListEntry,
  StorageObjectInfo,
  StorageService,
} from './storage.service.js';

const NOT_FOUND_CODES = new Set(['NoSuchKey', 'NotFound']);
const BUCKET_EXISTS_CODES = new Set(['BucketAlreadyOwnedByYou', 'BucketAlreadyExists']);
// The most keys one DeleteObjects request accepts.
const DELETE_BATCH_SIZE = 1000;

function isNotFound(error: unknown): boolean {
  return error instanceof S3Error && NOT_FOUND_CODES.has(error.code ?? '');
}

function clientFor(endpoint: string, config: ConfigService): Client {
  const url = new URL(endpoint);
  const useSSL = url.protocol === 'https:';
  return new Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    pathStyle: true,
    // A known region means minio never asks the endpoint for the bucket's location.
    region: config.get('S3_REGION'),
    accessKey: config.get('S3_ACCESS_KEY'),
    secretKey: config.get('S3_SECRET_KEY'),
  });
}

/** S3/MinIO driver (path-style). */
@Injectable()
export class S3StorageService extends StorageService {
  private readonly logger = new Logger(S3StorageService.name);
  private readonly client: Client;
  /** Signs URLs for the endpoint browsers reach; never sends a request itself. */
  private readonly presignClient: Client;
  private readonly bucket: string;
  private readonly region: string;
  private readonly publicOrigin: string;

  constructor(config: ConfigService) {
    super();
    this.client = clientFor(config.get('S3_ENDPOINT'), config);
    const publicEndpoint = config.get('S3_PUBLIC_ENDPOINT') ?? config.get('S3_ENDPOINT');
    this.presignClient = clientFor(publicEndpoint, config);
    this.publicOrigin = new URL(publicEndpoint).origin;
    this.bucket = config.get('S3_BUCKET');
    this.region = config.get('S3_REGION');
  }

  async put(key: string, body: Readable | Buffer, size: number, contentType?: string): Promise<void> {
    assertValidKey(key);
    // Source stream errors are the caller's, not the storage's: let them through unchanged.
    let sourceError: unknown;
    if (body instanceof Readable) body.once('error', (error) => (sourceError = error));
    try {
      // The size matters: without it minio assumes the maximum object size and goes multipart,
      // which s3rver lacks. Up to the client's part size (64 MiB) minio sends a single PUT.
      await this.client.putObject(this.bucket, key, body, size, {
        'Content-Type': contentType ?? contentTypeForKey(key),
      });
    } catch (error) {
      if (sourceError !== undefined && error === sourceError) throw error;
      throw new StorageUnavailableError(`put ${key}`, error);
    }
  }

  async get(key: string): Promise<Readable> {
    assertValidKey(key);
    try {
      return await this.client.getObject(this.bucket, key);
    } catch (error) {
      if (isNotFound(error)) throw new StorageObjectNotFoundError(key);
      throw new StorageUnavailableError(`get ${key}`, error);
    }
  }

  async stat(key: string): Promise<StorageObjectInfo | null> {
    assertValidKey(key);
    try {
      const stat = await this.client.statObject(this.bucket, key);
      const contentType = stat.metaData['content-type'] as string | undefined;
      return { size: stat.size, contentType, lastModified: stat.lastModified };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw new StorageUnavailableError(`stat ${key}`, error);
    }
  }

  async *list(prefix: string): AsyncIterable<StorageListEntry> {
    assertValidListPrefix(prefix);
    // V1 listing (marker paging), as in deletePrefix: s3rver's V2 continuation tokens fail on OpenSSL 3.
    // The marker is the last key seen, so deleting keys already listed does not upset the paging.
    try {
      for await (const item of this.client.listObjects(this.bucket, prefix, true)) {
        if (item.name) yield { key: item.name, lastModified: item.lastModified };
      }
    } catch (error) {
      throw new StorageUnavailableError(`list ${prefix}`, error);
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertValidPrefix(prefix);
    try {
      // List everything first, then delete: deleting while paging can upset the listing. V1
      // listing (marker paging) because s3rver's V2 continuation tokens fail on OpenSSL 3.
      const keys: string[] = [];
      for await (const item of this.client.listObjects(this.bucket, prefix, true)) {
        if (item.name) keys.push(item.name);
      }
      let deleted = 0;
      for (let start = 0; start < keys.length; start += DELETE_BATCH_SIZE) {
        deleted += await this.deleteBatch(keys.slice(start, start + DELETE_BATCH_SIZE));
      }
      return deleted;
    } catch (error) {
      throw new StorageUnavailableError(`deletePrefix ${prefix}`, error);
    }
  }

  /** One DeleteObjects request, retried once: a batch delete can fail transiently (s3rver does). */
  private async deleteBatch(keys: string[]): Promise<number> {
    let remaining = keys;
    for (let attempt = 1; ; attempt++) {
      try {
        const failed = failedKeys(await this.client.removeObjects(this.bucket, remaining));
        if (failed.length === 0) return keys.length;
        if (attempt >= 2) throw new Error(`could not delete ${failed.length} object(s), e.g. ${failed[0]}`);
        remaining = failed;
      } catch (error) {
        if (attempt >= 2) throw error;
        this.logger.warn(`Batch delete failed, retrying once: ${(error as Error).message}`);
      }
    }
  }

  /** Its links go to the bucket itself: none is served by the api. */
  openSigned(key: string, _params: SignedUrlParams): Promise<SignedObject> {
    return Promise.reject(new StorageObjectNotFoundError(key));
  }

  /** Path-style links: the public endpoint's origin, whatever the bucket. */
  linkOrigin(): string {
    return this.publicOrigin;
  }

  async presignedGetUrl(
    key: string,
    expirySeconds: number,
    options: PresignedGetOptions = {},
  ): Promise<string> {
    assertValidKey(key);
    const responseHeaders: Record<string, string> = {};
    if (options.contentDisposition)
      responseHeaders['response-content-disposition'] = options.contentDisposition;
    if (options.contentType) responseHeaders['response-content-type'] = options.contentType;
    try {
      return await this.presignClient.presignedGetObject(this.bucket, key, expirySeconds, responseHeaders);
    } catch (error) {
      throw new StorageUnavailableError(`presign ${key}`, error);
    }
  }

  async ensureReady(): Promise<void> {
    try {
      if (await this.client.bucketExists(this.bucket)) return;
      await this.client.makeBucket(this.bucket, this.region);
      this.logger.log(`Created bucket ${this.bucket}`);
    } catch (error) {
      // Another process (the api or the worker) may have created it in the meantime.
      if (error instanceof S3Error && BUCKET_EXISTS_CODES.has(error.code ?? '')) return;
      throw new StorageUnavailableError(`ensureReady (bucket ${this.bucket})`, error);
    }
  }

  async ping(): Promise<void> {
    let exists: boolean;
    try {
      exists = await this.client.bucketExists(this.bucket);
    } catch (error) {
      throw new StorageUnavailableError('ping', error);
    }
    if (!exists) throw new StorageUnavailableError('ping', new Error(`bucket ${this.bucket} does not exist`));
  }
}

/** Keys that a DeleteObjects response reports as not deleted (minio returns the XML `Error` entries). */
function failedKeys(results: unknown[]): string[] {
  return results
    .map((entry) => {
      const record = entry as { Key?: string; Error?: { Key?: string } } | null | undefined;
      return record?.Error?.Key ?? record?.Key;
    })
    .filter((key): key is string => typeof key === 'string');
}
