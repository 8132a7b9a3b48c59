import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiKeyStrategy } from './api-key.strategy.js';
import { API_KEY_PREFIX } from './api-key-token.js';
import { Access, ACCESS_KEY } from './auth.decorator.js';
import { authenticationRequired, BearerUnauthorizedException } from './auth-errors.js';
import { bearerToken } from './bearer-token.js';
import { FailedAuthLimiter } from './failed-auth-limiter.js';
import { GuestOptions, GuestStrategy } from './guest.strategy.js';
import { JwtStrategy } from './jwt.strategy.js';
import { Principal } from './principal.js';
import { runStrategy } from './run-strategy.js';

type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * The one guard: turns each request into one principal according to the route's `@Auth()`, by
 * running the passport strategy the request's credentials call for:
 * - `Authorization: Bearer pmk_...` -> the API key strategy; any other Bearer token -> the JWT
 *   strategy. A present but bad token is refused (401, counted by the failed-auth limiter): it never
 *   falls back to the guest scope.
 * - no `Authorization` header -> the guest cookie strategy (creating a session on `UserOrGuest`
 *   routes), or 401 "Authentication required" on `User` routes.
 * - `GuestOnly` routes ignore any `Authorization` header and use the guest cookie alone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtStrategy,
    private readonly apiKeys: ApiKeyStrategy,
    private readonly guests: GuestStrategy,
    private readonly failures: FailedAuthLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access =
      this.reflector.getAllAndOverride<Access>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ??
      Access.Anyone;
    if (access === Access.Anyone) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    request.principal = await this.principalOf(request, http.getResponse<Response>(), access);
    return true;
  }

  private async principalOf(
    request: Request,
    response: Response,
    access: Exclude<Access, Access.Anyone>,
  ): Promise<Principal> {
    if (access === Access.GuestOnly) return this.guest(request, response, false);
    const token = bearerToken(request);
    if (token !== undefined) return this.bearer(request, response, token);
    if (access === Access.User) throw authenticationRequired();
    return this.guest(request, response, true);
  }

  private async bearer(request: Request, response: Response, token: string): Promise<Principal> {
    try {
      const strategy = token.startsWith(API_KEY_PREFIX) ? this.apiKeys : this.jwt;
      return await runStrategy(strategy, request, response);
    } catch (error) {
      if (error instanceof BearerUnauthorizedException) this.failures.recordFailure(request);
      throw error;
    }
  }

  private guest(request: Request, response: Response, createSession: boolean): Promise<Principal> {
    const options: GuestOptions = { createSession };
    return runStrategy(this.guests, request, response, options);
  }
}
