import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  generateApiKeyToken,
  hashApiKeyToken,
  isWellFormedApiKeyToken,
  KEY_PREFIX_LENGTH,
  keyPrefixOf,
} from './api-key-token.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('API key tokens', () => {
  it('are pmk_ plus 30 random and 6 checksum base62 characters', () => {
    const { token } = generateApiKeyToken();
    expect(token).toMatch(/^pmk_[0-9A-Za-z]{36}$/);
  });

  it('carry at least 128 random bits', () => {
    expect(30 * Math.log2(62)).toBeGreaterThanOrEqual(128);
  });

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateApiKeyToken().token));
    expect(tokens.size).toBe(1000);
  });

  it('use every base62 character with no visible bias', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const char of generateApiKeyToken().token.slice(4, 34))
        counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    // 60,000 draws: about 968 per character; a modulo bias towards the first 8 would show as ~+25%.
    for (const count of counts.values()) expect(Math.abs(count - 60_000 / 62)).toBeLessThan(200);
  });

  it('are recognised as well formed when generated', () => {
    for (let i = 0; i < 100; i++) expect(isWellFormedApiKeyToken(generateApiKeyToken().token)).toBe(true);
  });

  it('are refused when any single character is changed', () => {
    const { token } = generateApiKeyToken();
    for (let i = 4; i < token.length; i++) {
      const replacement = ALPHABET[(ALPHABET.indexOf(token[i]) + 1) % 62];
      const altered = token.slice(0, i) + replacement + token.slice(i + 1);
      expect(isWellFormedApiKeyToken(altered)).toBe(false);
    }
  });

  it('are refused when the shape is wrong', () => {
    const { token } = generateApiKeyToken();
    for (const bad of [
      '',
      'pmk_',
      token.slice(0, -1),
      `${token}0`,
      `pmx_${token.slice(4)}`,
      `${token.slice(0, 10)}-${token.slice(11)}`,
    ]) {
      expect(isWellFormedApiKeyToken(bad)).toBe(false);
    }
  });

  it('are stored as the hex SHA-256 of the whole token', () => {
    const { token, keyHash } = generateApiKeyToken();
    expect(keyHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashApiKeyToken(token)).toBe(keyHash);
    expect(keyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are shown by their first 15 characters', () => {
    const { token, keyPrefix } = generateApiKeyToken();
    expect(KEY_PREFIX_LENGTH).toBe(15);
    expect(keyPrefix).toBe(token.slice(0, 15));
    expect(keyPrefixOf(token)).toBe(keyPrefix);
    expect(keyPrefix.startsWith('pmk_')).toBe(true);
  });
});
