/** Base class of every error the storage library throws on purpose. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The key is not a safe relative key (`..`, absolute path, backslash, empty or hidden segment). */
export class InvalidStorageKeyError extends StorageError {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Invalid storage key ${JSON.stringify(key)}: ${reason}`);
  }
}

/** No object under this key. */
export class StorageObjectNotFoundError extends StorageError {
  constructor(readonly key: string) {
    super(`Storage object not found: ${key}`);
  }
}

/**
 * The backend failed (network, permissions, disk, bucket missing). Callers retry it or answer
 * 502; the original error is kept as `cause`.
 */
export class StorageUnavailableError extends StorageError {
  constructor(operation: string, cause: unknown) {
    super(
      `Storage unavailable during ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
  }
}

/** A local storage link whose signature is wrong or whose time is up. */
export class InvalidSignedUrlError extends StorageError {
  constructor() {
    super('Invalid or expired signature');
  }
}
