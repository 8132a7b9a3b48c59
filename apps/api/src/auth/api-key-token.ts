import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API key secrets: `pmk_` + 30 random base62 characters (~178 bits) + a 6-character base62 CRC32 of
 * everything before it. The checksum lets secret scanners tell a real key from noise and lets the
 * api refuse a mistyped or made-up key without a database lookup. Base62 keeps the token one
 * "word" (double-click selects it all) and needs no URL or shell escaping.
 */
export const API_KEY_PREFIX = 'pmk_';
/** Characters of the token shown in lists (`key_prefix`): enough to recognise a key, far too few to use it. */
export const KEY_PREFIX_LENGTH = 15;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const TOKEN = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);
// 248 = 4 * 62: bytes at or above it are dropped so every character is equally likely.
const UNBIASED_LIMIT = 248;

export interface NewApiKeyToken {
  token: string;
  keyPrefix: string;
  keyHash: string;
}

export function generateApiKeyToken(): NewApiKeyToken {
  const body = API_KEY_PREFIX + randomBase62(RANDOM_LENGTH);
  const token = body + checksum(body);
  return { token, keyPrefix: keyPrefixOf(token), keyHash: hashApiKeyToken(token) };
}

/** True when the token has the shape of an API key and its checksum matches. */
export function isWellFormedApiKeyToken(token: string): boolean {
  if (!TOKEN.test(token)) return false;
  const split = token.length - CHECKSUM_LENGTH;
  return checksum(token.slice(0, split)) === token.slice(split);
}

/** Hex SHA-256 of the whole token: what is stored and looked up. */
export function hashApiKeyToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function keyPrefixOf(token: string): string {
  return token.slice(0, KEY_PREFIX_LENGTH);
}

function checksum(body: string): string {
  let value = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < UNBIASED_LIMIT) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}
