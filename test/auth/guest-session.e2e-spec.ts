import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, Stack } from '../support/stack.js';
import { buildPdf } from '../support/test-pdf.js';
import { cookieOf, send, Send } from './http.js';
import { claims, hs256 } from './tokens.js';

const REFUSED = { status: 403, body: { detail: 'Cross-site request refused' } };

describe('guest sessions', () => {
  let stack: Stack;
  let pdf: Buffer;

  beforeAll(async () => {
    stack = await startStack({ worker: false, env: { CORS_ORIGINS: 'https://app.papermill.example' } });
    pdf = await buildPdf([['Guest upload']]);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  const form = () => {
    const data = new FormData();
    data.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'guest.pdf');
    return data;
  };
  const newGuest = async () => cookieOf(await send(stack.url, 'GET', '/tasks'), 'guest_session')!;
  const upload = (headers: Record<string, string>, options: Send = {}) =>
    send(stack.url, 'POST', '/tasks', { ...options, headers, form: form() });

  describe('cookie', () => {
    it('is set on a task route called without credentials: HttpOnly, SameSite=Lax, Path=/, a year, not Secure', async () => {
      const reply = await send(stack.url, 'GET', '/tasks');
      expect(reply.status).toBe(200);
      const cookies = reply.headers['set-cookie'] ?? [];
      expect(cookies).toHaveLength(1);
      const attributes = cookies[0].split(';').map((part) => part.trim());
      expect(attributes[0]).toMatch(/^guest_session=[A-Za-z0-9_-]{22,}$/);
      expect(attributes).toEqual(
        expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=31536000']),
      );
      expect(attributes).not.toContain('Secure');
    });

    it('is kept, not replaced, when the browser sends it back', async () => {
      const cookie = await newGuest();
      const reply = await send(stack.url, 'GET', '/tasks', { headers: { cookie } });
      expect(reply.status).toBe(200);
      expect(reply.headers['set-cookie']).toBeUndefined();
    });

    it('scopes uploads to the session', async () => {
      const [c, d] = [await newGuest(), await newGuest()];
      const task = await upload({ cookie: c });
      expect(task.status).toBe(201);
      const ids = async (cookie: string) =>
        (await send(stack.url, 'GET', '/tasks', { headers: { cookie } })).body.items.map(
          (t: { id: string }) => t.id,
        );
      expect(await ids(c)).toEqual([task.body.id]);
      expect(await ids(d)).toEqual([]);
    });

    it('is not created by /public/tasks, which lists nothing without one', async () => {
      const reply = await send(stack.url, 'GET', '/public/tasks');
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ items: [], total: 0, limit: 50, offset: 0, has_more: false });
      expect(reply.headers['set-cookie']).toBeUndefined();
    });

    it('is signed: a forged, tampered or unsigned cookie starts a new session and sees nothing', async () => {
      const cookie = await newGuest();
      const own = await upload({ cookie });
      expect(own.status).toBe(201);
      const value = cookie.split('=')[1];
      const flipped = value.slice(0, -1) + (value.endsWith('A') ? 'B' : 'A');
      // The same signature spelt otherwise: the last character's unused low bits changed.
      const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const respelt = value.slice(0, -1) + BASE64URL[BASE64URL.indexOf(value.slice(-1)) ^ 1];
      expect(Buffer.from(respelt.slice(22), 'base64url')).toEqual(Buffer.from(value.slice(22), 'base64url'));
      for (const forged of [
        `guest_session=${value.slice(0, 22)}`,
        `guest_session=${flipped}`,
        `guest_session=${respelt}`,
        `guest_session=${'A'.repeat(22)}${value.slice(22)}`,
      ]) {
        const reply = await send(stack.url, 'GET', '/tasks', { headers: { cookie: forged } });
        expect(reply.body.items).toEqual([]);
        expect(cookieOf(reply, 'guest_session')).not.toBe(forged);
      }
      const listed = await send(stack.url, 'GET', '/tasks', { headers: { cookie } });
      expect(listed.body.items.map((t: { id: string }) => t.id)).toEqual([own.body.id]);
    });

    it('is never set on the API key routes', async () => {
      const reply = await send(stack.url, 'GET', '/api-keys');
      expect(reply.status).toBe(401);
      expect(reply.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('cross-site check on cookie-authenticated unsafe requests', () => {
    it('refuses a POST /tasks marked Sec-Fetch-Site: cross-site', async () => {
      const reply = await upload({ cookie: await newGuest(), 'sec-fetch-site': 'cross-site' });
      expect({ status: reply.status, body: reply.body }).toEqual(REFUSED);
    });

    it('refuses a POST /tasks from a foreign Origin', async () => {
      const reply = await upload({ cookie: await newGuest(), origin: 'https://evil.example' });
      expect({ status: reply.status, body: reply.body }).toEqual(REFUSED);
    });

    it('refuses a POST /tasks marked Sec-Fetch-Site: same-site (a sibling subdomain)', async () => {
      const reply = await upload({ cookie: await newGuest(), 'sec-fetch-site': 'same-site' });
      expect({ status: reply.status, body: reply.body }).toEqual(REFUSED);
    });

    it('does not believe X-Forwarded-Host without TRUST_PROXY', async () => {
      const reply = await upload({
        cookie: await newGuest(),
        origin: 'https://evil.example',
        'x-forwarded-host': 'evil.example',
      });
      expect({ status: reply.status, body: reply.body }).toEqual(REFUSED);
    });

    it('refuses a cross-site DELETE /tasks/{id}', async () => {
      const cookie = await newGuest();
      const task = await upload({ cookie });
      const reply = await send(stack.url, 'DELETE', `/tasks/${task.body.id}`, {
        headers: { cookie, 'sec-fetch-site': 'cross-site' },
      });
      expect({ status: reply.status, body: reply.body }).toEqual(REFUSED);
    });

    it.each([
      ['Sec-Fetch-Site: same-origin', () => ({ 'sec-fetch-site': 'same-origin' })],
      ['Sec-Fetch-Site: none (typed or bookmarked)', () => ({ 'sec-fetch-site': 'none' })],
      [
        'Sec-Fetch-Site: same-site from an allowed Origin',
        () => ({ 'sec-fetch-site': 'same-site', origin: 'https://app.papermill.example' }),
      ],
      ['the service own Origin', () => ({ origin: stack.url })],
      ['an allowed Origin (CORS_ORIGINS)', () => ({ origin: 'https://app.papermill.example' })],
      ['no browser headers at all (curl)', () => ({})],
    ])('accepts a POST /tasks with %s', async (_, headers) => {
      const reply = await upload({ cookie: await newGuest(), ...headers() });
      expect(reply.status).toBe(201);
    });

    it('does not apply to Bearer-authenticated requests, which a browser never sends on its own', async () => {
      const token = await hs256(claims('user-cross-site'));
      const reply = await upload({ authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' });
      expect(reply.status).toBe(201);
    });

    it('lets safe cross-site requests through', async () => {
      const reply = await send(stack.url, 'GET', '/tasks', {
        headers: { cookie: await newGuest(), 'sec-fetch-site': 'cross-site' },
      });
      expect(reply.status).toBe(200);
    });
  });
});

describe('guest sessions behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ worker: false, env: { TRUST_PROXY: 'loopback' } });
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('takes the host the proxy forwards as the service own', async () => {
    const cookie = cookieOf(await send(stack.url, 'GET', '/tasks'), 'guest_session')!;
    const data = new FormData();
    data.append('file', new Blob([new Uint8Array(await buildPdf([['x']]))]), 'p.pdf');
    const headers = {
      cookie,
      origin: 'https://papermill.example',
      'x-forwarded-host': 'papermill.example',
    };
    expect((await send(stack.url, 'POST', '/tasks', { headers, form: data })).status).toBe(201);
  });
});

describe('guest sessions with GUEST_COOKIE_SECURE=true', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ worker: false, env: { GUEST_COOKIE_SECURE: 'true' } });
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('marks the cookie Secure', async () => {
    const reply = await send(stack.url, 'GET', '/tasks');
    const attributes = (reply.headers['set-cookie'] ?? [''])[0].split(';').map((part) => part.trim());
    expect(attributes).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']));
  });
});
