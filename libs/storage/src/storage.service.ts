import { Readable } from 'node:stream';

export interface StorageObjectInfo {
  size: number;
  contentType?: string;
  lastModified?: Date;
}

/** One object of a listing. */
export interface StorageListEntry {
  key: string;
  lastModified: Date;
}

/** The signed parameters of a link the service serves itself, as they arrive in the query string. */
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

export interface PresignedGetOptions {
  /** Served as the response's `Content-Disposition`, e.g. `attachment; filename="result.md"`. */
  contentDisposition?: string;
  /** Served as the response's `Content-Type` instead of the stored one. */
  contentType?: string;
}

/**
 * Object storage behind one interface (also the Nest injection token). Keys are relative paths
 * such as `uploads/<task>/input.pdf`; unsafe keys are refused with `InvalidStorageKeyError`.
 * Backend failures surface as `StorageUnavailableError`.
 */
export abstract class StorageService {
  /** Stores `body` (a stream of exactly `size` bytes, or a Buffer) under `key`, replacing any object. */
  abstract put(key: string, body: Readable | Buffer, size: number, contentType?: string): Promise<void>;

  /** The object's bytes; throws `StorageObjectNotFoundError` when there is none. */
  abstract get(key: string): Promise<Readable>;

  /** Size and metadata, or null when there is no object under `key`. */
  abstract stat(key: string): Promise<StorageObjectInfo | null>;

  /**
   * Every object whose key starts with `prefix` (`''` lists them all), streamed page by page in no
   * particular order, so a bucket of millions of objects is never held at once.
   */
  abstract list(prefix: string): AsyncIterable<StorageListEntry>;

  /** Deletes every object whose key starts with `prefix`; returns how many were deleted. */
  abstract deletePrefix(prefix: string): Promise<number>;

  /**
   * The origin (`scheme://host:port`) of every URL `presignedGetUrl` returns, so a page showing them
   * can allow exactly that origin in its Content-Security-Policy.
   */
  abstract linkOrigin(): string;

  /** A URL that lets a client GET the object directly until it expires. */
  abstract presignedGetUrl(
    key: string,
    expirySeconds: number,
    options?: PresignedGetOptions,
  ): Promise<string>;

  /**
   * Opens the object behind a link this service signed and serves itself (the local driver's
   * `/storage/<key>` links). Throws `InvalidSignedUrlError` for a bad or expired link and
   * `StorageObjectNotFoundError` when there is no such object, or when the driver's links go to the
   * backend directly (S3) and it serves none.
   */
  abstract openSigned(key: string, params: SignedUrlParams): Promise<SignedObject>;

  /** Prepares the backend (creates the bucket or the directory); called once at start-up. */
  abstract ensureReady(): Promise<void>;

  /** A cheap readiness check; throws `StorageUnavailableError` when the backend cannot be used. */
  abstract ping(): Promise<void>;
}
