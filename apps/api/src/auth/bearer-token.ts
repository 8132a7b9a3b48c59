import type { Request } from 'express';

/** The token of an `Authorization: Bearer` header; '' for a Bearer header without one; undefined when absent. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  return match ? (match[1] ?? '').trim() : '';
}
