import { describe, expect, it } from '@jest/globals';
import { pageCsp } from './page-csp.js';

describe('pageCsp', () => {
  it('allows no inline code and images only from the api and the storage origin', () => {
    expect(pageCsp(['http://minio.example:9000'])).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' http://minio.example:9000; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('names each image origin once', () => {
    expect(pageCsp(['http://a.example', 'http://a.example'])).toContain("img-src 'self' http://a.example;");
  });
});
