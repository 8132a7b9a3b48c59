import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ApiKeyEntity, ApiKeysRepository } from '@papermill/database';
import { invalidCredentials } from './auth-errors.js';
import { hashApiKeyToken, isWellFormedApiKeyToken } from './api-key-token.js';
import { Principal } from './principal.js';

/** `last_used_at` is written at most this often per key: busy keys must not write on every request. */
export const LAST_USED_INTERVAL_SECONDS = 60;

/** Turns a `pmk_` token into its owner's principal; unknown, malformed and revoked keys are refused. */
@Injectable()
export class ApiKeyAuthenticator implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ApiKeyAuthenticator.name);
  private readonly pendingTouches = new Set<Promise<void>>();

  constructor(private readonly keys: ApiKeysRepository) {}

  async authenticate(token: string): Promise<Principal> {
    // The checksum refuses typos and made-up keys without a database round trip.
    if (!isWellFormedApiKeyToken(token)) throw invalidCredentials();
    const key = await this.keys.findByHash(hashApiKeyToken(token));
    if (!key || key.revokedAt !== null) throw invalidCredentials();
    this.recordUse(key);
    return { kind: 'user', userId: key.userId, via: 'api_key', apiKeyId: key.id };
  }

  /** Off the request's critical path: a failed write is logged, never turned into a failed request. */
  private recordUse(key: ApiKeyEntity): void {
    const threshold = Date.now() - LAST_USED_INTERVAL_SECONDS * 1000;
    if (key.lastUsedAt !== null && key.lastUsedAt.getTime() > threshold) return;
    const touch = this.keys
      .touch(key.id, LAST_USED_INTERVAL_SECONDS)
      .catch((error: unknown) =>
        this.logger.error({ err: error, apiKeyId: key.id }, 'Could not record API key use'),
      )
      .finally(() => this.pendingTouches.delete(touch));
    this.pendingTouches.add(touch);
  }

  /** Lets in-flight writes finish before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.pendingTouches);
  }
}
