import { describe, expect, it } from '@jest/globals';
import { HttpException } from '@nestjs/common';
import { ConfigService, parseConfig } from '@papermill/config';
import type { Request, Response } from 'express';
import { SignJWT } from 'jose';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { JwtStrategy } from './jwt.strategy.js';
import { runStrategy } from './run-strategy.js';
import { SessionKeys } from './session-keys.js';

const SECRET = 'unit-test-secret-for-hs256-tokens-0123456789';
const now = () => Math.floor(Date.now() / 1000);

function strategy(env: Record<string, string>): JwtStrategy {
  const config = new ConfigService(parseConfig(env));
  return new JwtStrategy(config, new SessionKeys(config));
}

const hs256 = (sub: string, alg = 'HS256') =>
  new SignJWT({ sub, exp: now() + 600 }).setProtectedHeader({ alg }).sign(new TextEncoder().encode(SECRET));

const request = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as unknown as Request;

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof HttpException ? error.getStatus() : -1;
  }
}

describe('JwtStrategy run through passport', () => {
  it('gives each of many concurrent requests its own principal', async () => {
    const jwt = strategy({ AUTH_JWT_SECRET: SECRET });
    const subs = Array.from({ length: 50 }, (_, i) => `user-${i}`);
    const tokens = await Promise.all(subs.map((sub) => hs256(sub)));
    const principals = await Promise.all(
      tokens.map((token) => runStrategy(jwt, request(token), {} as Response)),
    );
    expect(principals.map((p) => (p.kind === 'user' ? p.userId : p.guestId))).toEqual(subs);
  });

  it('refuses an HS256 token when only a JWKS is configured, and HS384 always', async () => {
    const onlyJwks = strategy({ AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json' });
    expect(await statusOf(runStrategy(onlyJwks, request(await hs256('u')), {} as Response))).toBe(401);
    const onlySecret = strategy({ AUTH_JWT_SECRET: SECRET });
    expect(await statusOf(runStrategy(onlySecret, request(await hs256('u', 'HS384')), {} as Response))).toBe(
      401,
    );
  });

  it('answers 503 when the JWKS cannot be fetched', async () => {
    const server = createServer((_, response) => response.writeHead(500).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const jwt = strategy({ AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` });
      const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k' })).toString('base64url');
      const body = Buffer.from(JSON.stringify({ sub: 'u', exp: now() + 60 })).toString('base64url');
      expect(await statusOf(runStrategy(jwt, request(`${header}.${body}.c2ln`), {} as Response))).toBe(503);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
