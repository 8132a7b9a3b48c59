import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseConfig } from './config.schema.js';

describe('parseConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(8000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/papermill');
    expect(config.QUEUE_NAME).toBe('document_tasks');
    expect(config.STORAGE_DRIVER).toBe('local');
    expect(config.MAX_UPLOAD_MB).toBe(100);
    expect(config.MAX_PAGES).toBe(2000);
    expect(config.CONVERSION_TIMEOUT_SECONDS).toBe(300);
    expect(config.CONVERSION_MEMORY_MB).toBe(1024);
    expect(config.DEBUG).toBe(false);
    expect(config.WORKER_CONCURRENCY).toBeGreaterThanOrEqual(1);
  });

  it('coerces numbers, booleans and lists', () => {
    const config = parseConfig({ PORT: '9000', DEBUG: 'true', AUTH_JWT_AUTHORIZED_PARTIES: 'a.com, b.com' });
    expect(config.PORT).toBe(9000);
    expect(config.DEBUG).toBe(true);
    expect(config.AUTH_JWT_AUTHORIZED_PARTIES).toEqual(['a.com', 'b.com']);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ PORT: '' }).PORT).toBe(8000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['STORAGE_DRIVER', 'ftp'],
    ['DEBUG', 'maybe'],
    ['DATABASE_URL', 'mysql://x'],
    ['MAX_UPLOAD_MB', '0'],
  ])('refuses %s=%s with one line naming the setting', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    try {
      parseConfig({ [name]: value });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(`${name}=${JSON.stringify(value)}`);
      expect(message).not.toContain('\n');
    }
  });

  it.each([
    ['AUTH_JWT_SECRET', 'short-secret-of-28-characters'],
    ['STORAGE_URL_SECRET', 'x'],
    ['GUEST_COOKIE_SECRET', 'tiny'],
  ])('names %s without echoing its value', (name, value) => {
    let message = '';
    try {
      parseConfig({ [name]: value });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain(`${name} must be at least 32 characters`);
    expect(message).not.toContain(value);
  });

  it('shows a bad URL without its password', () => {
    expect(() => parseConfig({ REDIS_URL: 'http://admin:hunter2@redis:6379' })).toThrow(
      'Invalid configuration: REDIS_URL="http://admin:***@redis:6379" must be a redis or rediss URL',
    );
  });

  it('needs https for AUTH_JWKS_URL unless the host is loopback', () => {
    expect(() => parseConfig({ AUTH_JWKS_URL: 'http://issuer.example.com/jwks.json' })).toThrow(
      'must be an https URL (http only for localhost)',
    );
    expect(parseConfig({ AUTH_JWKS_URL: 'http://127.0.0.1:9999/jwks.json' }).AUTH_JWKS_URL).toBeDefined();
    expect(
      parseConfig({ AUTH_JWKS_URL: 'https://issuer.example.com/jwks.json' }).AUTH_JWKS_URL,
    ).toBeDefined();
  });

  it('reads TRUST_PROXY as a boolean, a hop count or a list of addresses', () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(parseConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
  });

  it('reads the webhook settings: off without a secret, a short secret refused, hosts as a list', () => {
    expect(parseConfig({}).WEBHOOK_SECRET).toBeUndefined();
    expect(parseConfig({})).toMatchObject({
      WEBHOOK_ALLOWED_HOSTS: [],
      WEBHOOK_RETRY_DELAY_MS: 10_000,
      EVENTS_KEEPALIVE_SECONDS: 15,
    });
    expect(() => parseConfig({ WEBHOOK_SECRET: 'short' })).toThrow(
      'Invalid configuration: WEBHOOK_SECRET must be at least 32 characters',
    );
    expect(
      parseConfig({ WEBHOOK_ALLOWED_HOSTS: 'hooks.internal, 10.0.0.5:8443' }).WEBHOOK_ALLOWED_HOSTS,
    ).toEqual(['hooks.internal', '10.0.0.5:8443']);
    expect(() => parseConfig({ EVENTS_KEEPALIVE_SECONDS: '0' })).toThrow('EVENTS_KEEPALIVE_SECONDS');
  });
});
