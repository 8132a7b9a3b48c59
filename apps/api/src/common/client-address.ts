import type { Request } from 'express';
import { isIPv6 } from 'node:net';

/**
 * The client a request counts against: its IP (`request.ip`, which follows `trust proxy` behind a
 * reverse proxy), IPv4 as is (also when IPv4-mapped) and IPv6 by its /64, which one client usually
 * holds whole.
 */
export function clientAddress(request: Request): string {
  const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
