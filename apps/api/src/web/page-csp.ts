/**
 * The page's Content-Security-Policy: its own scripts and styles only (no inline code), requests to
 * the api only, and images from the api and from where figure links point (the storage's public
 * origin: the api itself for the local driver, the bucket's endpoint for S3).
 */
export function pageCsp(imageOrigins: readonly string[]): string {
  const images = [...new Set(["'self'", ...imageOrigins])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${images.join(' ')}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
