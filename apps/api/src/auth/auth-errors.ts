import { ForbiddenException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { TooManyRequestsException } from '../common/too-many-requests.exception.js';

/** 401 with `WWW-Authenticate: Bearer`, as RFC 6750 asks; the filter copies `headers` onto the response. */
export class BearerUnauthorizedException extends UnauthorizedException {
  readonly headers = { 'WWW-Authenticate': 'Bearer' };

  constructor(detail: string) {
    super({ detail });
  }
}

/** 429 telling the client when it may try again. */
export class TooManyFailedAttemptsException extends TooManyRequestsException {
  constructor(retryAfterSeconds: number) {
    super('Too many failed authentication attempts', retryAfterSeconds);
  }
}

export const authenticationRequired = () => new BearerUnauthorizedException('Authentication required');
export const invalidCredentials = () => new BearerUnauthorizedException('Invalid authentication credentials');
export const crossSiteRefused = () => new ForbiddenException({ detail: 'Cross-site request refused' });
/** The issuer's key set could not be fetched: the token may be fine, so this is not a 401. */
export const authenticationUnavailable = () =>
  new ServiceUnavailableException({ detail: 'Authentication service unavailable' });
