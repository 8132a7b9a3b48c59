import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { BearerVerifier } from './bearer-verifier.js';
import { FailedAuthLimiter } from './failed-auth-limiter.js';
import { GuestSessions } from './guest-session.js';
import { JwtVerifier } from './jwt-verifier.js';

@Global()
@Module({
  providers: [
    AuthService,
    BearerVerifier,
    JwtVerifier,
    ApiKeyAuthenticator,
    FailedAuthLimiter,
    GuestSessions,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
