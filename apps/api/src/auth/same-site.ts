import type { Request } from 'express';

/**
 * True unless the request surely comes from the service's own pages (or a client that is no
 * browser). Browsers send `Sec-Fetch-Site`: only `same-origin` and `none` (typed, bookmarked) count
 * as ours, since `same-site` includes every sibling subdomain. Older browsers send only `Origin`,
 * which must then be the service's own. An origin listed in `CORS_ORIGINS` is always allowed.
 * The service's own host is `request.host`, which reads `X-Forwarded-Host` only when `trust proxy`
 * says the proxy in front may set it.
 */
export function isCrossSite(request: Request, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && allowedOrigins.includes(origin)) return false;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}
