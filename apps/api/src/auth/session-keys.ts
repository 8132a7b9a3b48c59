import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { createRemoteJWKSet, decodeProtectedHeader, errors, JWTVerifyGetKey } from 'jose';
import { KeyObject, webcrypto } from 'node:crypto';

/** The issuer's key set could not be fetched or read; the token itself may be fine (a 503, not a 401). */
export class KeySetUnavailableError extends Error {}

/** Why a token got no key: its algorithm has no key source here, or the key set lacks its `kid`. */
export class NoKeyError extends Error {}

type Algorithm = 'RS256' | 'HS256';
/**
 * passport-jwt's `secretOrKeyProvider`. Its typings say `string | Buffer`, but the key goes to
 * jsonwebtoken 9, which takes a `KeyObject` too: the JWKS key needs no round trip through PEM.
 */
type KeyProvider = (
  request: unknown,
  rawJwt: string,
  done: (error: Error | null, key?: string) => void,
) => void;

/**
 * The key sources of session JWTs: RS256 keys from the issuer's JWKS (Clerk or any OIDC issuer)
 * and/or the HS256 shared secret (self-hosting). The token header's `alg` picks the source and each
 * source serves only its own algorithm, so `none` and HS/RS confusion (an HS token "signed" with the
 * public key) get no key at all; passport-jwt is also told to accept only the configured algorithms.
 *
 * The JWKS is read through jose's remote key set rather than jwks-rsa's `passportJwtSecret`:
 * jwks-rsa 4 `require()`s the ESM-only jose 6, which Jest's ESM runtime cannot load on Node 20.
 */
@Injectable()
export class SessionKeys {
  private readonly logger = new Logger(SessionKeys.name);
  private readonly secret?: string;
  private readonly keySet?: JWTVerifyGetKey;

  constructor(config: ConfigService) {
    this.secret = config.get('AUTH_JWT_SECRET') || undefined;
    const jwksUrl = config.get('AUTH_JWKS_URL');
    if (jwksUrl) this.keySet = remoteKeySet(new URL(jwksUrl));
    if (!this.secret && !this.keySet) {
      this.logger.warn('Neither AUTH_JWKS_URL nor AUTH_JWT_SECRET is set: every session JWT will be refused');
    }
  }

  /** The algorithms passport-jwt may accept: only those with a key source. */
  get algorithms(): Algorithm[] {
    const algorithms: Algorithm[] = [];
    if (this.keySet) algorithms.push('RS256');
    if (this.secret) algorithms.push('HS256');
    return algorithms;
  }

  /** passport-jwt's `secretOrKeyProvider`: the key for the token's algorithm, or an error. */
  readonly provider: KeyProvider = (_request, rawJwt, done) => {
    this.keyFor(rawJwt).then(
      (key) => done(null, key as string),
      (error: Error) => done(error),
    );
  };

  private async keyFor(rawJwt: string): Promise<string | KeyObject> {
    const header = headerOf(rawJwt);
    if (header?.alg === 'HS256' && this.secret) return this.secret;
    if (header?.alg === 'RS256' && this.keySet) {
      const key = await this.keySet({ ...header, alg: 'RS256' }, { payload: '', signature: '' });
      return key instanceof KeyObject ? key : KeyObject.from(key as webcrypto.CryptoKey);
    }
    throw new NoKeyError(`No key for alg ${String(header?.alg)}`);
  }
}

function headerOf(rawJwt: string): ReturnType<typeof decodeProtectedHeader> | undefined {
  try {
    return decodeProtectedHeader(rawJwt);
  } catch {
    return undefined;
  }
}

/**
 * The issuer's JWKS, cached (10 minutes) and re-fetched on an unknown `kid` at most every 30 seconds,
 * so key rotation works and bad tokens cannot hammer the issuer. Fetch failures are told apart from
 * unknown keys so they become a 503, not a 401.
 */
function remoteKeySet(url: URL): JWTVerifyGetKey {
  const logger = new Logger(SessionKeys.name);
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
        throw new NoKeyError(error.message);
      logger.error({ err: error }, 'Could not fetch the JWT key set (AUTH_JWKS_URL)');
      throw new KeySetUnavailableError('JWKS unavailable', { cause: error });
    }
  };
}
