import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { authenticationRequired } from './auth-errors.js';
import { GUEST_COOKIE } from './guest-session.js';
import { Principal, UserPrincipal } from './principal.js';

/** Who may call a route. */
export enum Access {
  /** No caller needed (health, meta, docs). */
  Anyone = 'anyone',
  /** A Bearer token (JWT or API key); the guest cookie never counts. */
  User = 'user',
  /** A Bearer token, or else the guest cookie (created when absent). */
  UserOrGuest = 'user-or-guest',
  /** The guest cookie only, even when a Bearer token is sent (`/public/tasks`). */
  GuestOnly = 'guest-only',
}

export const ACCESS_KEY = 'papermill:access';
export const BEARER_JWT = 'bearer-jwt';
export const BEARER_API_KEY = 'bearer-api-key';

const detail = (text: string) => ({
  type: 'object',
  properties: { detail: { type: 'string', example: text } },
});

/** Declares who may call a route; the guard enforces it and Swagger shows the matching schemes. */
export function Auth(access: Access) {
  const decorators: (ClassDecorator | MethodDecorator)[] = [SetMetadata(ACCESS_KEY, access)];
  if (access === Access.User || access === Access.UserOrGuest) {
    decorators.push(
      ApiBearerAuth(BEARER_JWT),
      ApiBearerAuth(BEARER_API_KEY),
      ApiUnauthorizedResponse({
        description: 'Invalid or missing credentials',
        headers: { 'WWW-Authenticate': { schema: { type: 'string', example: 'Bearer' } } },
        schema: detail(
          access === Access.User ? 'Authentication required' : 'Invalid authentication credentials',
        ),
      }),
      ApiTooManyRequestsResponse({
        description:
          access === Access.UserOrGuest
            ? 'More than 20 refused Bearer tokens from this IP in the last minute (valid tokens still pass), ' +
              'or, without credentials, too many new guest sessions from this address (RATE_GUEST_SESSIONS_PER_HOUR_PER_IP)'
            : 'More than 20 refused Bearer tokens from this IP in the last minute (valid tokens still pass)',
        headers: {
          'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', example: 42 } },
        },
        schema: detail('Too many failed authentication attempts'),
      }),
      ApiServiceUnavailableResponse({
        description: "The JWT issuer's key set (AUTH_JWKS_URL) could not be fetched",
        schema: detail('Authentication service unavailable'),
      }),
    );
  }
  if (access === Access.UserOrGuest || access === Access.GuestOnly)
    decorators.push(ApiCookieAuth(GUEST_COOKIE));
  return applyDecorators(...decorators);
}

/** The caller of the current request, as resolved by the auth guard. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<Request & { principal: Principal }>().principal,
);

/** The signed-in user (JWT or API key) of a route declared `@Auth(Access.User)`. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): UserPrincipal => {
  const { principal } = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
  // The guard already refused anyone else; this keeps a mis-declared route from serving a guest.
  if (principal?.kind !== 'user') throw authenticationRequired();
  return principal;
});
