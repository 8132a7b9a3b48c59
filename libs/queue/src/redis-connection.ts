import { ConnectionOptions } from 'bullmq';

/** ioredis options from a `redis://` URL; BullMQ needs `maxRetriesPerRequest: null` for blocking commands. */
export function redisConnection(url: string): ConnectionOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Reconnect within two seconds of Redis coming back, however long it was gone.
    retryStrategy: (attempt: number) => Math.min(100 * attempt, 2000),
  };
}
