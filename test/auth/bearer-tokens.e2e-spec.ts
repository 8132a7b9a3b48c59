import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JWTPayload } from 'jose';
import { startStack, Stack } from '../support/stack.js';
import { freshClientAddress, Reply, send } from './http.js';
import { claims, hs256, JwksServer, rsaSigner, RsaSigner, startJwksServer, unsigned } from './tokens.js';

const INVALID = { detail: 'Invalid authentication credentials' };
const now = () => Math.floor(Date.now() / 1000);

/** A refused token: 401, `WWW-Authenticate: Bearer`, and never a guest session instead. */
function expectRefused(reply: Reply) {
  expect({ status: reply.status, body: reply.body }).toEqual({ status: 401, body: INVALID });
  expect(reply.headers['www-authenticate']).toBe('Bearer');
  expect(reply.headers['set-cookie']).toBeUndefined();
}

/** Each attempt from its own address, so the failed-attempt limiter never interferes. */
const attempt = (stack: Stack, token: string, path = '/tasks') =>
  send(stack.url, 'GET', path, { headers: { authorization: `Bearer ${token}` }, from: freshClientAddress() });

describe('HS256 session JWTs (AUTH_JWT_SECRET)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ worker: false, env: { AUTH_JWT_ISSUER: 'https://papermill.example' } });
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  const valid = (extra: JWTPayload = {}) =>
    hs256(claims('user-hs', { iss: 'https://papermill.example', ...extra }));

  it('accepts a valid token as its subject', async () => {
    const reply = await attempt(stack, await valid());
    expect(reply.status).toBe(200);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('tolerates a few seconds of clock skew', async () => {
    expect((await attempt(stack, await valid({ exp: now() - 2 }))).status).toBe(200);
    expect((await attempt(stack, await valid({ nbf: now() + 2 }))).status).toBe(200);
  });

  it.each([
    [
      'signed with another secret',
      () => hs256(claims('user-hs', { iss: 'https://papermill.example' }), 'another-secret-of-enough-length'),
    ],
    ['expired', () => valid({ exp: now() - 60 })],
    ['not yet valid', () => valid({ nbf: now() + 60 })],
    ['without exp', () => valid({ exp: undefined })],
    ['without sub', () => hs256({ iss: 'https://papermill.example', exp: now() + 600 })],
    ['with an empty sub', () => valid({ sub: '' })],
    ['from another issuer', () => valid({ iss: 'https://elsewhere.example' })],
    ['without an issuer', () => valid({ iss: undefined })],
    ['unsigned (alg: none)', async () => unsigned(claims('user-hs', { iss: 'https://papermill.example' }))],
    ['with its signature removed', async () => (await valid()).split('.').slice(0, 2).join('.') + '.'],
    ['with a tampered payload', async () => tamper(await valid(), { sub: 'someone-else' })],
    ['that is not a JWT', async () => 'definitely.not.ajwt'],
    ['that is garbage', async () => '%%%'],
  ])('refuses a token %s', async (_, token) => {
    expectRefused(await attempt(stack, await token()));
  });

  it('refuses an RS256 token when no JWKS is configured', async () => {
    const signer = await rsaSigner('k1');
    expectRefused(
      await attempt(stack, await signer.sign(claims('user-hs', { iss: 'https://papermill.example' }))),
    );
  });

  it('refuses a bad token on every route that takes one', async () => {
    const bad = await valid({ exp: now() - 60 });
    for (const path of ['/tasks', '/tasks/6b1f3c2e-8d4a-4f6b-9c1e-2a7d5e9f0b13', '/api-keys']) {
      expectRefused(await attempt(stack, bad, path));
    }
  });

  describe('failed-attempt limit', () => {
    it('answers 429 with Retry-After after 20 refused tokens from one IP in a minute', async () => {
      const from = freshClientAddress();
      const bad = { authorization: `Bearer ${await valid({ exp: now() - 60 })}` };
      for (let i = 1; i <= 20; i++) {
        const reply = await send(stack.url, 'GET', '/tasks', { headers: bad, from });
        expect({ attempt: i, status: reply.status }).toEqual({ attempt: i, status: 401 });
      }
      const limited = await send(stack.url, 'GET', '/tasks', { headers: bad, from });
      expect({ status: limited.status, body: limited.body }).toEqual({
        status: 429,
        body: { detail: 'Too many failed authentication attempts' },
      });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
      expect(limited.headers['set-cookie']).toBeUndefined();
      // A bad API key from the same address is limited too.
      const key = await send(stack.url, 'GET', '/tasks', {
        headers: { authorization: 'Bearer pmk_nope' },
        from,
      });
      expect(key.status).toBe(429);

      // A valid token from the same address still works, and other addresses are not affected.
      const ok = await send(stack.url, 'GET', '/tasks', {
        headers: { authorization: `Bearer ${await valid()}` },
        from,
      });
      expect(ok.status).toBe(200);
      expectRefused(await attempt(stack, bad.authorization.slice(7)));
    });

    it('never limits successful requests', async () => {
      const from = freshClientAddress();
      const good = { authorization: `Bearer ${await valid()}` };
      for (let i = 0; i < 30; i++) {
        expect((await send(stack.url, 'GET', '/tasks', { headers: good, from })).status).toBe(200);
      }
    });

    it('does not count requests without a token', async () => {
      const from = freshClientAddress();
      for (let i = 0; i < 25; i++) {
        expect((await send(stack.url, 'GET', '/api-keys', { from })).status).toBe(401);
      }
    });
  });
});

describe('RS256 session JWTs from a JWKS (AUTH_JWKS_URL)', () => {
  const ISSUER = 'https://clerk.papermill.example';
  const AUDIENCE = 'papermill-api';
  const PARTY = 'https://app.papermill.example';
  let stack: Stack;
  let jwks: JwksServer;
  let signer: RsaSigner;
  let impostor: RsaSigner;

  beforeAll(async () => {
    signer = await rsaSigner('key-1');
    impostor = await rsaSigner('key-1');
    jwks = await startJwksServer([signer.publicJwk]);
    stack = await startStack({
      worker: false,
      env: {
        AUTH_JWT_SECRET: '',
        AUTH_JWKS_URL: jwks.url,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWT_AUDIENCE: AUDIENCE,
        AUTH_JWT_AUTHORIZED_PARTIES: `https://other.example, ${PARTY}`,
      },
    });
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    await jwks?.close();
  });

  const body = (extra: JWTPayload = {}) =>
    claims('user_2abcRS', { iss: ISSUER, aud: AUDIENCE, azp: PARTY, ...extra });

  it('answers 503 while the JWKS cannot be fetched, without counting it as a failed attempt', async () => {
    jwks.failing = true;
    try {
      const token = await signer.sign(body());
      const from = freshClientAddress();
      for (let i = 0; i < 22; i++) {
        const reply = await send(stack.url, 'GET', '/tasks', {
          headers: { authorization: `Bearer ${token}` },
          from,
        });
        expect({ status: reply.status, body: reply.body }).toEqual({
          status: 503,
          body: { detail: 'Authentication service unavailable' },
        });
      }
    } finally {
      jwks.failing = false;
    }
  });

  it('accepts a valid token and its sub owns the tasks', async () => {
    const token = await signer.sign(body());
    const listed = await attempt(stack, token);
    expect(listed.status).toBe(200);
    const created = await send(stack.url, 'POST', '/api-keys', {
      headers: { authorization: `Bearer ${token}` },
      json: { name: 'from an RS256 session' },
    });
    expect(created.status).toBe(201);
    // The key acts for the same user.
    const keys = await attempt(stack, created.body.token, '/api-keys');
    expect(keys.body.items.map((k: { id: string }) => k.id)).toEqual([created.body.id]);
  });

  it('accepts a token without azp (minted outside a browser), as Clerk does', async () => {
    expect((await attempt(stack, await signer.sign(body({ azp: undefined })))).status).toBe(200);
  });

  it('caches the key set instead of fetching it for every token', async () => {
    const before = jwks.fetches;
    for (let i = 0; i < 5; i++) expect((await attempt(stack, await signer.sign(body()))).status).toBe(200);
    expect(jwks.fetches).toBe(before);
  });

  it.each([
    ['with a forged signature (another key, same kid)', () => impostor.sign(body())],
    ['signed by a key the JWKS does not have', async () => (await rsaSigner('key-2')).sign(body())],
    ['expired', () => signer.sign(body({ exp: now() - 60 }))],
    ['not yet valid', () => signer.sign(body({ nbf: now() + 60 }))],
    ['from another issuer', () => signer.sign(body({ iss: 'https://evil.example' }))],
    ['for another audience', () => signer.sign(body({ aud: 'someone-else' }))],
    ['without an audience', () => signer.sign(body({ aud: undefined }))],
    ['from an unauthorized party (azp)', () => signer.sign(body({ azp: 'https://evil.example' }))],
    ['without sub', () => signer.sign(body({ sub: undefined }))],
    ['unsigned (alg: none)', async () => unsigned(body())],
    ['signed HS256 with the public key as secret (alg confusion)', () => hs256(body(), signer.publicPem)],
    ['signed HS256 with the JWKS modulus as secret', () => hs256(body(), String(signer.publicJwk.n))],
    ['with a tampered payload', async () => tamper(await signer.sign(body()), { sub: 'user_other' })],
  ])('refuses a token %s', async (_, token) => {
    expectRefused(await attempt(stack, await token()));
  });
});

/** The token with its payload replaced and the original signature kept. */
function tamper(token: string, changes: JWTPayload): string {
  const [header, payload, signature] = token.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...changes };
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}
