import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-strategy';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { bearerToken } from './bearer-token.js';
import { Principal } from './principal.js';

export const API_KEY_STRATEGY = 'papermill-api-key';

type Verified = (error: unknown, principal?: Principal | false) => void;

/** A passport strategy handing the `Authorization: Bearer pmk_...` token to its verify callback. */
class BearerApiKeyStrategy extends Strategy {
  readonly name = API_KEY_STRATEGY;

  constructor(private readonly verify: (token: string, done: Verified) => void) {
    super();
  }

  authenticate(request: Request): void {
    const token = bearerToken(request);
    if (!token) return this.fail(401);
    this.verify(token, (error, principal) => {
      if (error) return this.error(error as Error);
      if (!principal) return this.fail(401);
      this.success(principal);
    });
  }
}

/**
 * API keys (`Authorization: Bearer pmk_...`): the key's owner, as `ApiKeyAuthenticator` finds it by
 * the token's hash. Unknown, malformed and revoked keys are refused with the 401 it throws.
 */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(BearerApiKeyStrategy, API_KEY_STRATEGY) {
  constructor(private readonly apiKeys: ApiKeyAuthenticator) {
    super();
  }

  validate(token: string): Promise<Principal> {
    return this.apiKeys.authenticate(token);
  }
}
