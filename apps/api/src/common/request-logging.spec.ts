import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './request-logging.js';

describe('redactUrl', () => {
  it('hides the signature of a local-storage link and keeps what helps debugging', () => {
    expect(redactUrl('/storage/outputs/t1/result.md?expires=1764600000&signature=ab12cd')).toBe(
      '/storage/outputs/t1/result.md?expires=1764600000&signature=REDACTED',
    );
  });

  it('hides S3 pre-signature credentials wherever they sit in the query', () => {
    expect(redactUrl('/x?X-Amz-Credential=AKIA%2F1&X-Amz-Date=1&X-Amz-Signature=ff&y=1')).toBe(
      '/x?X-Amz-Credential=REDACTED&X-Amz-Date=1&X-Amz-Signature=REDACTED&y=1',
    );
  });

  it('leaves other URLs as they are', () => {
    expect(redactUrl('/tasks?limit=10&offset=20')).toBe('/tasks?limit=10&offset=20');
  });
});
