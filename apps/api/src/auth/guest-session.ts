import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { ServerSecretsRepository } from '@papermill/database';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Response } from 'express';

export const GUEST_COOKIE = 'guest_session';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
/** 128 random bits, base64url: always 22 characters, so the signature follows without a separator. */
const ID_LENGTH = 22;
const COOKIE = /^[A-Za-z0-9_-]{22}[A-Za-z0-9_-]{43}$/;
const SECRET_NAME = 'guest_cookie';

/**
 * Guest sessions live in a signed cookie: `<id><HMAC-SHA256(id)>`. The server chooses every id; a
 * cookie it did not sign (forged, tampered with, or from before signing) starts a new session.
 */
@Injectable()
export class GuestSessions implements OnModuleInit {
  private key!: Buffer;

  constructor(
    private readonly config: ConfigService,
    private readonly secrets: ServerSecretsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const configured = this.config.get('GUEST_COOKIE_SECRET');
    const secret =
      configured ??
      (await this.secrets.getOrCreate(SECRET_NAME, () => randomBytes(32).toString('base64url')));
    this.key = Buffer.from(secret, 'utf8');
  }

  /** A new guest id: 128 random bits, URL-safe. */
  newId(): string {
    return randomBytes(16).toString('base64url');
  }

  /** The guest id a cookie value carries, when this service signed it. */
  verify(value: unknown): string | undefined {
    if (typeof value !== 'string' || !COOKIE.test(value)) return undefined;
    const id = value.slice(0, ID_LENGTH);
    // The signature's text is compared, not its decoded bytes: base64url's last character carries
    // unused bits, so a decoder takes several spellings of one signature.
    const given = Buffer.from(value.slice(ID_LENGTH), 'ascii');
    const expected = Buffer.from(this.mac(id).toString('base64url'), 'ascii');
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
  }

  setCookie(response: Response, guestId: string): void {
    response.cookie(GUEST_COOKIE, guestId + this.mac(guestId).toString('base64url'), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: ONE_YEAR_SECONDS * 1000,
      secure: this.config.get('GUEST_COOKIE_SECURE'),
    });
  }

  private mac(id: string): Buffer {
    return createHmac('sha256', this.key).update(id).digest();
  }
}
