import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Request } from 'express';
import { TooManyFailedAttemptsException } from './auth-errors.js';
import { FailedAuthLimiter, MAX_FAILED_ATTEMPTS } from './failed-auth-limiter.js';

const from = (ip: string) => ({ ip, socket: {} }) as unknown as Request;

describe('FailedAuthLimiter', () => {
  let limiter: FailedAuthLimiter;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-08T09:00:00Z') });
    limiter = new FailedAuthLimiter();
  });

  afterEach(() => {
    limiter.onApplicationShutdown();
    jest.useRealTimers();
  });

  const fail = (ip: string, times = 1) => {
    for (let i = 0; i < times; i++) limiter.recordFailure(from(ip));
  };
  const retryAfter = (ip: string) => {
    try {
      limiter.recordFailure(from(ip));
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(TooManyFailedAttemptsException);
      return Number((error as TooManyFailedAttemptsException).headers['Retry-After']);
    }
  };

  it(`allows ${MAX_FAILED_ATTEMPTS} failures a minute and refuses the next with Retry-After`, () => {
    fail('203.0.113.7', MAX_FAILED_ATTEMPTS);
    expect(retryAfter('203.0.113.7')).toBe(60);
  });

  it('forgets failures as they leave the one-minute window', () => {
    fail('203.0.113.7', 10);
    jest.advanceTimersByTime(30_000);
    fail('203.0.113.7', 10);
    expect(retryAfter('203.0.113.7')).toBe(30);
    jest.advanceTimersByTime(30_001);
    expect(retryAfter('203.0.113.7')).toBeUndefined();
  });

  it('counts an IPv4 address and its IPv4-mapped IPv6 form as one client', () => {
    fail('203.0.113.7', MAX_FAILED_ATTEMPTS);
    expect(retryAfter('::ffff:203.0.113.7')).toBeDefined();
    expect(retryAfter('203.0.113.8')).toBeUndefined();
  });

  it('counts an IPv6 /64 as one client', () => {
    fail('2001:db8:1:2::1', MAX_FAILED_ATTEMPTS / 2);
    fail('2001:db8:1:2:ffff:0:0:9', MAX_FAILED_ATTEMPTS / 2);
    expect(retryAfter('2001:0db8:0001:0002::42')).toBeDefined();
    expect(retryAfter('2001:db8:1:3::1')).toBeUndefined();
  });
});
