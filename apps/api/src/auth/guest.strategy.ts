import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ConfigService } from '@papermill/config';
import type { Request } from 'express';
import { Strategy } from 'passport-strategy';
import { crossSiteRefused } from './auth-errors.js';
import { GUEST_COOKIE, GuestSessions } from './guest-session.js';
import { Principal } from './principal.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { isCrossSite } from './same-site.js';

export const GUEST_STRATEGY = 'papermill-guest';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the guard tells the guest strategy: whether a caller without a session gets one (and its cookie). */
export interface GuestOptions {
  createSession: boolean;
}

type Verified = (error: unknown, principal?: Principal) => void;

/** A passport strategy handing the request to its verify callback; a guest is never refused for lack of a cookie. */
class GuestCookieStrategy extends Strategy {
  readonly name = GUEST_STRATEGY;

  constructor(private readonly verify: (request: Request, options: GuestOptions, done: Verified) => void) {
    super();
  }

  authenticate(request: Request, options: GuestOptions): void {
    this.verify(request, options, (error, principal) => {
      if (error || !principal) return this.error(error as Error);
      this.success(principal);
    });
  }
}

/**
 * Guests (no `Authorization` header): the `guest_session` cookie's id when this service signed it,
 * else a new id; on routes that create sessions the new id is admitted by the per-IP guest-session
 * rate limit and set as the cookie. A cookie-authenticated unsafe request from another site is refused.
 */
@Injectable()
export class GuestStrategy extends PassportStrategy(GuestCookieStrategy, GUEST_STRATEGY) {
  constructor(
    private readonly config: ConfigService,
    private readonly guests: GuestSessions,
    private readonly quotas: QuotasService,
  ) {
    super();
  }

  async validate(request: Request, options: GuestOptions): Promise<Principal> {
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request, this.config.get('CORS_ORIGINS'))) {
      throw crossSiteRefused();
    }
    const known = this.guests.verify(
      (request.cookies as Record<string, unknown> | undefined)?.[GUEST_COOKIE],
    );
    if (known) return { kind: 'guest', guestId: known };
    const guestId = this.guests.newId();
    if (options.createSession) {
      await this.quotas.admitGuestSession(request);
      // Express sets `request.res`; passport strategies see only the request.
      this.guests.setCookie(request.res!, guestId);
    }
    return { kind: 'guest', guestId };
  }
}
