import { exportJWK, generateKeyPair, JWK, JWTPayload, SignJWT } from 'jose';
import { KeyObject } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** The shared test stack's HS256 secret (test/support/stack.ts). */
export const STACK_SECRET = 'test-secret-for-hs256-tokens-0123456789';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** Standard claims of a valid token for `sub`, overridable (set one to `undefined` to drop it). */
export function claims(sub: string, extra: JWTPayload = {}): JWTPayload {
  const all: JWTPayload = { sub, iat: now(), exp: now() + 600, ...extra };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
}

export function hs256(payload: JWTPayload, secret: string | Uint8Array = STACK_SECRET): Promise<string> {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
}

/** An unsigned token (`alg: none`) carrying valid-looking claims. */
export function unsigned(payload: JWTPayload): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
}

export interface RsaSigner {
  kid: string;
  publicJwk: JWK;
  publicPem: string;
  sign(payload: JWTPayload, header?: { kid?: string }): Promise<string>;
}

export async function rsaSigner(kid: string): Promise<RsaSigner> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const publicPem = KeyObject.from(publicKey).export({ type: 'spki', format: 'pem' }) as string;
  return {
    kid,
    publicJwk,
    publicPem,
    sign: (payload, header = {}) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: header.kid ?? kid })
        .sign(privateKey),
  };
}

/** A JWKS endpoint served by the test, counting fetches; `failing` makes it answer 500. */
export interface JwksServer {
  url: string;
  keys: JWK[];
  fetches: number;
  failing: boolean;
  close(): Promise<void>;
}

export async function startJwksServer(keys: JWK[]): Promise<JwksServer> {
  const state = { keys, fetches: 0, failing: false };
  const server: Server = createServer((request, response) => {
    state.fetches++;
    if (state.failing || request.url !== '/.well-known/jwks.json') {
      response.writeHead(state.failing ? 500 : 404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
