import { Injectable } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import type { Request, Response } from 'express';
import { Access } from './auth.decorator.js';
import { authenticationRequired, BearerUnauthorizedException, crossSiteRefused } from './auth-errors.js';
import { BearerVerifier } from './bearer-verifier.js';
import { FailedAuthLimiter } from './failed-auth-limiter.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { GUEST_COOKIE, GuestSessions } from './guest-session.js';
import { Principal } from './principal.js';
import { isCrossSite } from './same-site.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AuthService {
  constructor(
    private readonly config: ConfigService,
    private readonly bearer: BearerVerifier,
    private readonly failures: FailedAuthLimiter,
    private readonly guests: GuestSessions,
    private readonly quotas: QuotasService,
  ) {}

  async authenticate(
    request: Request,
    response: Response,
    access: Exclude<Access, Access.Anyone>,
  ): Promise<Principal> {
    if (access === Access.GuestOnly) return this.guest(request, response, false);
    const token = bearerToken(request);
    // A present but bad token is refused: it never falls back to the guest scope.
    if (token !== undefined) return this.verifyBearer(request, token);
    if (access === Access.User) throw authenticationRequired();
    return this.guest(request, response, true);
  }

  private async verifyBearer(request: Request, token: string): Promise<Principal> {
    try {
      return await this.bearer.verify(token);
    } catch (error) {
      if (error instanceof BearerUnauthorizedException) this.failures.recordFailure(request);
      throw error;
    }
  }

  private async guest(request: Request, response: Response, create: boolean): Promise<Principal> {
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request, this.config.get('CORS_ORIGINS'))) {
      throw crossSiteRefused();
    }
    const known = this.guests.verify(
      (request.cookies as Record<string, unknown> | undefined)?.[GUEST_COOKIE],
    );
    if (known) return { kind: 'guest', guestId: known };
    const guestId = this.guests.newId();
    if (create) {
      await this.quotas.admitGuestSession(request);
      this.guests.setCookie(response, guestId);
    }
    return { kind: 'guest', guestId };
  }
}

/** The token of an `Authorization: Bearer` header; '' for a Bearer header without one; undefined when absent. */
function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  return match ? (match[1] ?? '').trim() : '';
}
