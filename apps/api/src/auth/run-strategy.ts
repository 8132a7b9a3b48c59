import type { Request, Response } from 'express';
import passport, { Strategy } from 'passport';
import { authenticationUnavailable, invalidCredentials } from './auth-errors.js';
import { Principal } from './principal.js';
import { KeySetUnavailableError } from './session-keys.js';

/**
 * Runs one passport strategy on the request: its principal, or the exception it raised; a plain
 * passport failure is the 401 "Invalid authentication credentials", or the 503 when the JWT key set
 * could not be fetched.
 *
 * The strategy is passed as an instance rather than by name, so several applications in one process
 * (the e2e tests) never share passport's global registry; `Object.create` gives each request its own
 * object, since passport attaches the request's `success`/`fail`/`error` actions to the object it runs.
 */
export function runStrategy(
  strategy: Strategy,
  request: Request,
  response: Response,
  options: object = {},
): Promise<Principal> {
  return new Promise<Principal>((resolve, reject) => {
    const perRequest = Object.create(strategy) as Strategy;
    passport.authenticate(
      perRequest,
      { ...options, session: false },
      (error: unknown, principal: Principal | false, info: unknown) => {
        if (error) return reject(error);
        if (principal) return resolve(principal);
        reject(info instanceof KeySetUnavailableError ? authenticationUnavailable() : invalidCredentials());
      },
    )(request, response, (error: unknown) => reject(error ?? invalidCredentials()));
  });
}
