import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Request } from 'express';
import { clientAddress } from '../common/client-address.js';
import { TooManyFailedAttemptsException } from './auth-errors.js';

export const MAX_FAILED_ATTEMPTS = 20;
const WINDOW_MS = 60_000;
/** Bounds memory when failures come from very many addresses; the least recently failing are forgotten. */
const MAX_TRACKED_CLIENTS = 100_000;

/**
 * Counts refused Bearer tokens per client IP (IPv6 per /64) in a sliding one-minute window. Past the
 * limit, a refused token is a 429 with `Retry-After` instead of a 401, telling a scanner or a
 * misconfigured client to back off. Only failures count and a valid token is never refused: the
 * secrets are far too long to guess, and clients sharing the IP (an office NAT, a proxy) must keep
 * working while one of them misbehaves.
 *
 * In memory, so with several api replicas each counts on its own. (Not @nestjs/throttler's storage:
 * that package is CommonJS requiring ESM-only Nest 12, which Jest's ESM runtime cannot load.)
 * The client IP is `request.ip`: behind a reverse proxy, set Express's `trust proxy` so it is the
 * client's address and not the proxy's.
 */
@Injectable()
export class FailedAuthLimiter implements OnApplicationShutdown {
  /** Expiry times of the failures still in the window, oldest first, per client. */
  private readonly failures = new Map<string, number[]>();
  private readonly sweep = setInterval(() => this.forgetExpired(), WINDOW_MS).unref();

  /** Records one failure; throws the 429 once the client is past the limit. */
  recordFailure(request: Request): void {
    const now = Date.now();
    const client = clientAddress(request);
    // Only the newest MAX + 1 matter: a client failing without pause must not grow the list.
    const live = (this.failures.get(client) ?? [])
      .filter((expiresAt) => expiresAt > now)
      .slice(-MAX_FAILED_ATTEMPTS);
    live.push(now + WINDOW_MS);
    this.failures.delete(client);
    this.failures.set(client, live);
    if (this.failures.size > MAX_TRACKED_CLIENTS) this.forgetOldestClient();
    if (live.length > MAX_FAILED_ATTEMPTS) {
      // Once this failure leaves the window, the next one is back within the limit.
      const retryAt = live[live.length - MAX_FAILED_ATTEMPTS];
      throw new TooManyFailedAttemptsException(Math.max(1, Math.ceil((retryAt - now) / 1000)));
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
  }

  private forgetOldestClient(): void {
    const oldest = this.failures.keys().next();
    if (!oldest.done) this.failures.delete(oldest.value);
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [client, expiries] of this.failures) {
      if (expiries[expiries.length - 1] <= now) this.failures.delete(client);
    }
  }
}
