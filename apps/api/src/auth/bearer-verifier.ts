import { Injectable } from '@nestjs/common';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { API_KEY_PREFIX } from './api-key-token.js';
import { JwtVerifier } from './jwt-verifier.js';
import { Principal } from './principal.js';

/** Turns a Bearer token (session JWT or `pmk_` API key) into a principal, or refuses it with a 401. */
@Injectable()
export class BearerVerifier {
  constructor(
    private readonly jwt: JwtVerifier,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async verify(token: string): Promise<Principal> {
    if (token.startsWith(API_KEY_PREFIX)) return this.apiKeys.authenticate(token);
    return { kind: 'user', userId: await this.jwt.verify(token), via: 'jwt' };
  }
}
