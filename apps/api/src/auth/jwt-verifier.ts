import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  JWTPayload,
  JWTVerifyGetKey,
  jwtVerify,
  JWTVerifyOptions,
} from 'jose';
import { authenticationUnavailable, invalidCredentials } from './auth-errors.js';

const CLOCK_SKEW_SECONDS = 5;
const MAX_USER_ID_LENGTH = 255;

/** The issuer's key set could not be fetched or read; the token itself may be fine. */
class KeySetUnavailableError extends Error {}

/**
 * Verifies session JWTs: RS256 against the issuer's JWKS (Clerk or any OIDC issuer) and/or HS256
 * with a shared secret (self-hosting). The algorithm selects the key source and each source accepts
 * only its own algorithm, so `none` and HS/RS confusion (an HS token "signed" with the public key)
 * are refused by construction.
 *
 * A direct verifier (jose) rather than a passport-jwt strategy: the one global guard already turns
 * every request into a principal and must also accept API keys and guest cookies, so a passport
 * strategy would only add a second layer of indirection around the same `jwtVerify` call.
 */
@Injectable()
export class JwtVerifier {
  private readonly logger = new Logger(JwtVerifier.name);
  private readonly secret?: Uint8Array;
  private readonly keySet?: JWTVerifyGetKey;
  private readonly authorizedParties?: readonly string[];
  private readonly options: JWTVerifyOptions;

  constructor(config: ConfigService) {
    const secret = config.get('AUTH_JWT_SECRET');
    if (secret) this.secret = new TextEncoder().encode(secret);
    const jwksUrl = config.get('AUTH_JWKS_URL');
    if (jwksUrl) this.keySet = remoteKeySet(new URL(jwksUrl));
    if (!this.secret && !this.keySet) {
      this.logger.warn('Neither AUTH_JWKS_URL nor AUTH_JWT_SECRET is set: every session JWT will be refused');
    }
    const parties = config.get('AUTH_JWT_AUTHORIZED_PARTIES');
    if (parties?.length) this.authorizedParties = parties;
    this.options = {
      issuer: config.get('AUTH_JWT_ISSUER'),
      audience: config.get('AUTH_JWT_AUDIENCE'),
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ['sub', 'exp'],
    };
  }

  /** The user id (`sub`) of a valid token; a 401 otherwise (a 503 when the key set is unreachable). */
  async verify(token: string): Promise<string> {
    const payload = await this.verifySignatureAndClaims(token);
    if (!this.isAuthorizedParty(payload.azp)) throw invalidCredentials();
    const sub = payload.sub;
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_USER_ID_LENGTH)
      throw invalidCredentials();
    return sub;
  }

  private async verifySignatureAndClaims(token: string): Promise<JWTPayload> {
    try {
      const alg = algorithmOf(token);
      if (alg === 'RS256' && this.keySet) {
        return (await jwtVerify(token, this.keySet, { ...this.options, algorithms: ['RS256'] })).payload;
      }
      if (alg === 'HS256' && this.secret) {
        return (await jwtVerify(token, this.secret, { ...this.options, algorithms: ['HS256'] })).payload;
      }
    } catch (error) {
      if (error instanceof KeySetUnavailableError) {
        this.logger.error({ err: error.cause }, 'Could not fetch the JWT key set (AUTH_JWKS_URL)');
        throw authenticationUnavailable();
      }
    }
    throw invalidCredentials();
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

function algorithmOf(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    return undefined;
  }
}

/**
 * The issuer's JWKS, cached (10 minutes) and re-fetched on an unknown `kid` at most every 30 seconds,
 * so key rotation works and bad tokens cannot hammer the issuer. Fetch failures are told apart from
 * bad tokens so they become a 503, not a 401.
 */
function remoteKeySet(url: URL): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(url, {
    cacheMaxAge: 600_000,
    cooldownDuration: 30_000,
    timeoutDuration: 5_000,
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
        throw error;
      throw new KeySetUnavailableError('JWKS unavailable', { cause: error });
    }
  };
}
