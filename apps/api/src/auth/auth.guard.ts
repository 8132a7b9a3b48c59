import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Access, ACCESS_KEY } from './auth.decorator.js';
import { AuthService } from './auth.service.js';
import { Principal } from './principal.js';

/** The one guard: turns each request into one principal according to the route's `@Auth()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access =
      this.reflector.getAllAndOverride<Access>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ??
      Access.Anyone;
    if (access === Access.Anyone) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { principal?: Principal }>();
    request.principal = await this.auth.authenticate(request, http.getResponse<Response>(), access);
    return true;
  }
}
