import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ConfigService } from '@papermill/config';
import type { Request } from 'express';
import { Strategy } from 'passport-jwt';
import { bearerToken } from './bearer-token.js';
import { Principal } from './principal.js';
import { SessionKeys } from './session-keys.js';

export const JWT_STRATEGY = 'papermill-jwt';
const CLOCK_SKEW_SECONDS = 5;
const MAX_USER_ID_LENGTH = 255;

/** Claims this strategy reads; jsonwebtoken has already checked signature, `exp`/`nbf`, `iss` and `aud`. */
interface SessionClaims {
  sub?: unknown;
  exp?: unknown;
  azp?: unknown;
}

/**
 * Session JWTs (`Authorization: Bearer <JWT>`): passport-jwt verifies the signature with the key
 * `SessionKeys` picks for the token's algorithm, the issuer, the audience and `exp`/`nbf` (with a
 * few seconds of clock skew); `validate` then requires `exp`, a `sub` of sane length and, when
 * configured, an authorized party (`azp`). A refused token is a passport failure (the guard turns
 * it into the 401), an unreachable key set a failure carrying `KeySetUnavailableError` (the 503).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  private readonly authorizedParties?: readonly string[];

  constructor(config: ConfigService, keys: SessionKeys) {
    super({
      jwtFromRequest: (request: Request) => bearerToken(request) || null,
      secretOrKeyProvider: keys.provider,
      algorithms: keys.algorithms,
      issuer: config.get('AUTH_JWT_ISSUER'),
      audience: config.get('AUTH_JWT_AUDIENCE'),
      jsonWebTokenOptions: { clockTolerance: CLOCK_SKEW_SECONDS },
    });
    const parties = config.get('AUTH_JWT_AUTHORIZED_PARTIES');
    if (parties?.length) this.authorizedParties = parties;
  }

  /** The principal of a verified token, or `false` (a failure) when its claims are not acceptable. */
  validate(payload: SessionClaims | string): Principal | false {
    if (typeof payload !== 'object' || payload === null) return false;
    if (typeof payload.exp !== 'number') return false;
    if (!this.isAuthorizedParty(payload.azp)) return false;
    const sub = payload.sub;
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_USER_ID_LENGTH) return false;
    return { kind: 'user', userId: sub, via: 'jwt' };
  }

  /**
   * Clerk's rule: when authorized parties are configured, a token's `azp` (the origin of the page
   * that obtained it) must be one of them. Tokens minted outside a browser carry no `azp` and pass.
   */
  private isAuthorizedParty(azp: unknown): boolean {
    if (!this.authorizedParties || azp === undefined) return true;
    return typeof azp === 'string' && this.authorizedParties.includes(azp);
  }
}
