import { Injectable } from '@nestjs/common';
import { normalizeIp, ThrottlerStorageService } from '@nestjs/throttler';
import type { Request } from 'express';
import { TooManyFailedAttemptsException } from './auth-errors.js';

export const MAX_FAILED_ATTEMPTS = 20;
const WINDOW_MS = 60_000;
const THROTTLER_NAME = 'failed-bearer-auth';

/**
 * Counts refused Bearer tokens per client IP (IPv6 per /64) in a sliding one-minute window. Past the
 * limit, a refused token is a 429 with `Retry-After` instead of a 401, telling a scanner or a
 * misconfigured client to back off. Only failures count and a valid token is never refused: the
 * secrets are far too long to guess, and clients sharing the IP (an office NAT, a proxy) must keep
 * working while one of them misbehaves.
 *
 * The counts live in this process (@nestjs/throttler's in-memory storage); with several api
 * replicas each one counts separately. The client IP is `request.ip`: behind a reverse proxy, set
 * Express's `trust proxy` so it is the client's address and not the proxy's.
 */
@Injectable()
export class FailedAuthLimiter {
  constructor(private readonly storage: ThrottlerStorageService) {}

  /** Records one failure; throws the 429 once the client is past the limit. */
  async recordFailure(request: Request): Promise<void> {
    const ip = normalizeIp(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    const record = await this.storage.increment(ip, WINDOW_MS, MAX_FAILED_ATTEMPTS, 0, THROTTLER_NAME);
    if (record.isBlocked) throw new TooManyFailedAttemptsException(Math.max(1, record.timeToBlockExpire));
  }
}
