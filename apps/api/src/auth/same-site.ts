import type { Request } from 'express';

/**
 * True for a request sent by a page of another site. Browsers send `Sec-Fetch-Site`; older ones only
 * `Origin`, which must then be the service's own or an allowed origin. Non-browser clients send neither.
 */
export function isCrossSite(request: Request, allowedOrigins: readonly string[]): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') return true;
  if (fetchSite === 'same-origin' || fetchSite === 'same-site' || fetchSite === 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (allowedOrigins.includes(origin)) return false;
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
