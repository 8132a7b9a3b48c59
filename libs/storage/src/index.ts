export { StorageService } from './storage.service.js';
export type {
  PresignedGetOptions,
  SignedObject,
  SignedUrlParams,
  StorageListEntry,
  StorageObjectInfo,
} from './storage.service.js';
export { S3StorageService } from './s3-storage.service.js';
export { LocalStorageService } from './local-storage.service.js';
export { StorageModule } from './storage.module.js';
export {
  InvalidSignedUrlError,
  InvalidStorageKeyError,
  StorageError,
  StorageObjectNotFoundError,
  StorageUnavailableError,
} from './storage.errors.js';
export { assertValidKey, assertValidPrefix, contentTypeForKey } from './storage-key.js';
export { assetsKeyFor, taskIdOfKey, taskKeys } from './task-keys.js';
