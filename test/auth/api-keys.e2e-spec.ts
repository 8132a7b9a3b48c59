import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { generateApiKeyToken } from '../../apps/api/src/auth/api-key-token.js';
import { startStack, Stack } from '../support/stack.js';
import { freshClientAddress, send, Send } from './http.js';
import { claims, hs256 } from './tokens.js';

const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const INVALID = { detail: 'Invalid authentication credentials' };

describe('API keys', () => {
  let stack: Stack;
  let userJwt: string;
  const as = (token: string, method: string, path: string, options: Send = {}) =>
    send(stack.url, method, path, {
      ...options,
      headers: { authorization: `Bearer ${token}`, ...options.headers },
    });
  const create = (name: unknown = 'CI runner') => as(userJwt, 'POST', '/api-keys', { json: { name } });

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    userJwt = await hs256(claims('user-keys'));
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  describe('POST /api-keys', () => {
    it('returns 201 with the key object and its token, once', async () => {
      const reply = await create('  CI runner  ');
      expect(reply.status).toBe(201);
      expect(Object.keys(reply.body).sort()).toEqual(
        ['created_at', 'id', 'key_prefix', 'last_used_at', 'name', 'revoked_at', 'token'].sort(),
      );
      expect(reply.body).toMatchObject({ name: 'CI runner', last_used_at: null, revoked_at: null });
      expect(reply.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(reply.body.token).toMatch(/^pmk_[0-9A-Za-z]{36}$/);
      expect(reply.body.key_prefix).toBe(reply.body.token.slice(0, 15));
      expect(reply.body.created_at).toMatch(ISO_Z);

      const listed = await as(userJwt, 'GET', '/api-keys');
      const item = listed.body.items.find((k: { id: string }) => k.id === reply.body.id);
      const withoutToken = { ...reply.body };
      delete withoutToken.token;
      expect(item).toEqual(withoutToken);
    });

    it('stores only the SHA-256 of the token', async () => {
      const reply = await create('hashed');
      const db = new Client({ connectionString: stack.config.DATABASE_URL });
      await db.connect();
      try {
        const { rows } = await db.query('SELECT * FROM api_keys WHERE id = $1', [reply.body.id]);
        expect(rows[0].key_hash).toBe(createHash('sha256').update(reply.body.token).digest('hex'));
        expect(JSON.stringify(rows[0])).not.toContain(reply.body.token);
      } finally {
        await db.end();
      }
    });

    it.each(['', '   ', '\t\n'])('refuses the blank name %j with the contract detail', async (name) => {
      expect(await create(name)).toMatchObject({
        status: 422,
        body: { detail: 'API key name must not be empty' },
      });
    });

    it('refuses a missing name with a FastAPI validation list', async () => {
      const reply = await as(userJwt, 'POST', '/api-keys', { json: {} });
      expect(reply.status).toBe(422);
      expect(reply.body.detail).toEqual([
        expect.objectContaining({ type: 'missing', loc: ['body', 'name'], msg: 'Field required' }),
      ]);
    });

    it.each([42, null, ['a'], { a: 1 }])(
      'refuses the non-string name %j with a FastAPI validation list',
      async (name) => {
        const reply = await create(name);
        expect(reply.status).toBe(422);
        expect(reply.body.detail).toEqual([
          expect.objectContaining({
            type: 'string_type',
            loc: ['body', 'name'],
            msg: 'Input should be a valid string',
          }),
        ]);
      },
    );

    it('accepts 100 characters and refuses 101', async () => {
      expect((await create('x'.repeat(100))).status).toBe(201);
      const reply = await create('x'.repeat(101));
      expect(reply.status).toBe(422);
      expect(reply.body.detail).toEqual([
        expect.objectContaining({ type: 'string_too_long', loc: ['body', 'name'] }),
      ]);
    });

    it('refuses malformed JSON with a FastAPI 422 (json_invalid)', async () => {
      const reply = await send(stack.url, 'POST', '/api-keys', {
        headers: { authorization: `Bearer ${userJwt}`, 'content-type': 'application/json' },
        raw: '{"name": ',
      });
      expect(reply.status).toBe(422);
      expect(reply.body.detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body'] });
    });
  });

  describe('GET /api-keys', () => {
    it('pages newest first, revoked keys included', async () => {
      const jwt = await hs256(claims('user-pages'));
      const ids: string[] = [];
      for (const name of ['one', 'two', 'three']) {
        ids.push((await as(jwt, 'POST', '/api-keys', { json: { name } })).body.id);
      }
      await as(jwt, 'DELETE', `/api-keys/${ids[1]}`);
      const first = await as(jwt, 'GET', '/api-keys?limit=2&offset=0');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0, has_more: true });
      expect(first.body.items.map((k: { name: string }) => k.name)).toEqual(['three', 'two']);
      expect(first.body.items[1].revoked_at).toMatch(ISO_Z);
      const second = await as(jwt, 'GET', '/api-keys?limit=2&offset=2');
      expect(second.body).toMatchObject({ total: 3, limit: 2, offset: 2, has_more: false });
      expect(second.body.items.map((k: { name: string }) => k.name)).toEqual(['one']);
      for (const item of [...first.body.items, ...second.body.items]) {
        expect(Object.keys(item).sort()).toEqual(
          ['created_at', 'id', 'key_prefix', 'last_used_at', 'name', 'revoked_at'].sort(),
        );
      }
    });

    it.each(['limit=0', 'limit=101', 'offset=-1', 'limit=x'])('refuses ?%s with 422', async (query) => {
      const reply = await as(userJwt, 'GET', `/api-keys?${query}`);
      expect(reply.status).toBe(422);
      expect(Array.isArray(reply.body.detail)).toBe(true);
    });
  });

  describe('DELETE /api-keys/{api_key_id}', () => {
    it('revokes, again and again, keeping the first revoked_at; the key stops working at once', async () => {
      const key = (await create('to revoke')).body;
      expect((await as(key.token, 'GET', '/tasks')).status).toBe(200);
      expect(await as(userJwt, 'DELETE', `/api-keys/${key.id}`)).toMatchObject({
        status: 200,
        body: { revoked: true },
      });
      const revokedAt = (await as(userJwt, 'GET', '/api-keys')).body.items.find(
        (k: { id: string }) => k.id === key.id,
      ).revoked_at;
      expect(revokedAt).toMatch(ISO_Z);
      const refused = await as(key.token, 'GET', '/tasks');
      expect(refused).toMatchObject({ status: 401, body: INVALID });
      expect(refused.headers['www-authenticate']).toBe('Bearer');
      expect(refused.headers['set-cookie']).toBeUndefined();

      expect(await as(userJwt, 'DELETE', `/api-keys/${key.id}`)).toMatchObject({
        status: 200,
        body: { revoked: true },
      });
      const again = (await as(userJwt, 'GET', '/api-keys')).body.items.find(
        (k: { id: string }) => k.id === key.id,
      );
      expect(again.revoked_at).toBe(revokedAt);
    });

    it('revokes every key created through the revoked one, at any depth, and no other', async () => {
      const leaked = (await create('leaked')).body;
      const child = (await as(leaked.token, 'POST', '/api-keys', { json: { name: 'child' } })).body;
      const grandchild = (await as(child.token, 'POST', '/api-keys', { json: { name: 'grandchild' } })).body;
      const sibling = (await create('sibling')).body;
      expect((await as(grandchild.token, 'GET', '/tasks')).status).toBe(200);

      expect((await as(userJwt, 'DELETE', `/api-keys/${leaked.id}`)).body).toEqual({ revoked: true });
      for (const key of [leaked, child, grandchild]) {
        expect(await as(key.token, 'GET', '/tasks')).toMatchObject({ status: 401, body: INVALID });
      }
      expect((await as(sibling.token, 'GET', '/tasks')).status).toBe(200);
    });

    it('revoking a child leaves the key that made it working', async () => {
      const parent = (await create('parent')).body;
      const child = (await as(parent.token, 'POST', '/api-keys', { json: { name: 'child' } })).body;
      await as(parent.token, 'DELETE', `/api-keys/${child.id}`);
      expect((await as(child.token, 'GET', '/tasks')).status).toBe(401);
      expect((await as(parent.token, 'GET', '/tasks')).status).toBe(200);
    });

    it('lets a key revoke itself', async () => {
      const key = (await create('self')).body;
      expect((await as(key.token, 'DELETE', `/api-keys/${key.id}`)).body).toEqual({ revoked: true });
      expect((await as(key.token, 'GET', '/api-keys')).status).toBe(401);
    });

    it('returns 404 for a key that does not exist and 422 for a malformed id', async () => {
      expect(await as(userJwt, 'DELETE', '/api-keys/6b1f3c2e-8d4a-4f6b-9c1e-2a7d5e9f0b13')).toMatchObject({
        status: 404,
        body: { detail: 'API key not found' },
      });
      const malformed = await as(userJwt, 'DELETE', '/api-keys/not-a-uuid');
      expect(malformed.status).toBe(422);
      expect(malformed.body.detail[0]).toMatchObject({ loc: ['path', 'api_key_id'], type: 'uuid_parsing' });
    });
  });

  describe('authentication', () => {
    it.each([
      ['POST', '/api-keys'],
      ['GET', '/api-keys'],
      ['DELETE', '/api-keys/6b1f3c2e-8d4a-4f6b-9c1e-2a7d5e9f0b13'],
    ])('%s %s without Bearer is 401 "Authentication required"', async (method, path) => {
      const reply = await send(stack.url, method, path, {
        json: method === 'POST' ? { name: 'x' } : undefined,
      });
      expect(reply).toMatchObject({ status: 401, body: { detail: 'Authentication required' } });
      expect(reply.headers['www-authenticate']).toBe('Bearer');
    });

    it('authenticates a key as its owner and records its use at most once a minute', async () => {
      const key = (await create('used')).body;
      const listBefore = await as(userJwt, 'GET', '/tasks');
      expect((await as(key.token, 'GET', '/tasks')).body).toEqual(listBefore.body);

      const lastUsed = async () =>
        (await as(userJwt, 'GET', '/api-keys?limit=100')).body.items.find(
          (k: { id: string }) => k.id === key.id,
        ).last_used_at as string | null;
      const deadline = Date.now() + 5_000;
      while ((await lastUsed()) === null && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const first = await lastUsed();
      expect(first).toMatch(ISO_Z);

      await as(key.token, 'GET', '/tasks');
      await new Promise((r) => setTimeout(r, 200));
      expect(await lastUsed()).toBe(first);
    });

    it.each([
      ['an unknown key with a valid checksum', () => generateUnstoredToken()],
      ['a key with a bad checksum', async () => flipLast((await create('typo')).body.token)],
      ['a key that is too short', () => 'pmk_abc'],
      ['an empty Bearer', () => ''],
    ])('refuses %s with 401 and no guest fallback', async (_, token) => {
      const reply = await send(stack.url, 'GET', '/tasks', {
        headers: { authorization: `Bearer ${await token()}` },
        from: freshClientAddress(),
      });
      expect(reply).toMatchObject({ status: 401, body: INVALID });
      expect(reply.headers['www-authenticate']).toBe('Bearer');
      expect(reply.headers['set-cookie']).toBeUndefined();
    });
  });
});

function generateUnstoredToken(): string {
  return generateApiKeyToken().token;
}

function flipLast(token: string): string {
  return token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
}
