import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { ApiKeyStrategy } from './api-key.strategy.js';
import { AuthGuard } from './auth.guard.js';
import { FailedAuthLimiter } from './failed-auth-limiter.js';
import { GuestSessions } from './guest-session.js';
import { GuestStrategy } from './guest.strategy.js';
import { JwtStrategy } from './jwt.strategy.js';
import { SessionKeys } from './session-keys.js';

/** Authentication: passport strategies (session JWTs, API keys, guest cookies) run by one global guard. */
@Global()
@Module({
  providers: [
    SessionKeys,
    JwtStrategy,
    ApiKeyAuthenticator,
    ApiKeyStrategy,
    GuestSessions,
    GuestStrategy,
    FailedAuthLimiter,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
