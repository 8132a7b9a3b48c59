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
});
