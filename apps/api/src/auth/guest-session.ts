import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

export const GUEST_COOKIE = 'guest_session';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const GUEST_ID = /^[A-Za-z0-9_-]{22,64}$/;

/** A new guest id: 128 random bits, URL-safe. */
export function newGuestId(): string {
  return randomBytes(16).toString('base64url');
}

/** A cookie value that could be one of ours; anything else is replaced by a new session. */
export function isGuestId(value: unknown): value is string {
  return typeof value === 'string' && GUEST_ID.test(value);
}

export function setGuestCookie(response: Response, guestId: string, secure: boolean): void {
  response.cookie(GUEST_COOKIE, guestId, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: ONE_YEAR_SECONDS * 1000,
    secure,
  });
}
