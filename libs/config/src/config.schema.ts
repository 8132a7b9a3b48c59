import { cpus } from 'node:os';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol.replace(':', ''));
      } catch {
        return false;
      }
    },
    `must be a ${protocols.join(' or ')} URL`,
  );
/** `https:`, or `http:` to a loopback host (a key set fetched in the clear could be swapped). */
const httpsUnlessLoopback = z.string().refine((value) => {
  try {
    const { protocol, hostname } = new URL(value);
    return protocol === 'https:' || (protocol === 'http:' && LOOPBACK.test(hostname));
  } catch {
    return false;
  }
}, 'must be an https URL (http only for localhost)');
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
const secret = (min: number) => z.string().min(min, `must be at least ${min} characters`);
/** Express `trust proxy`: true/false, a number of hops, or addresses and subnets (`loopback, 10.0.0.0/8`). */
const trustProxy = z.string().transform((value): boolean | number | string => {
  if (/^(true|false)$/.test(value)) return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
});
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Every setting the processes read, with its default; the names are part of the interface. */
export const configSchema = z.object({
  PORT: int(1, 65535).default(8000),
  DATABASE_URL: url(['postgres', 'postgresql']).default('postgres://postgres@127.0.0.1:5432/papermill'),
  REDIS_URL: url(['redis', 'rediss']).default('redis://127.0.0.1:6379'),
  QUEUE_NAME: z.string().min(1).default('document_tasks'),
  QUEUE_PREFIX: z.string().min(1).default('bull'),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  STORAGE_DIR: z.string().min(1).default('./data/storage'),
  STORAGE_URL_SECRET: secret(32).optional(),
  PUBLIC_BASE_URL: url(['http', 'https']).optional(),
  S3_ENDPOINT: url(['http', 'https']).default('http://127.0.0.1:9000'),
  S3_PUBLIC_ENDPOINT: url(['http', 'https']).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).default('papermill'),
  S3_ACCESS_KEY: z.string().default('minioadmin'),
  S3_SECRET_KEY: z.string().default('minioadmin'),
  FIGURE_URL_EXPIRY_SECONDS: int(1, 7 * 24 * 3600).default(3600),
  AUTH_JWKS_URL: httpsUnlessLoopback.optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWT_AUTHORIZED_PARTIES: list.optional(),
  AUTH_JWT_SECRET: secret(32).optional(),
  GUEST_COOKIE_SECURE: bool.default(false),
  /** Signs guest cookies; default: generated once and kept in the database, shared by every replica. */
  GUEST_COOKIE_SECRET: secret(32).optional(),
  /** Express `trust proxy`; unset, forwarded headers are ignored and the peer address is the client. */
  TRUST_PROXY: trustProxy.default(false),
  /** Uploads a minute from one client address, and from one owner (user or guest). */
  RATE_UPLOADS_PER_MINUTE_PER_IP: int(1, 1_000_000).default(60),
  RATE_UPLOADS_PER_MINUTE: int(1, 1_000_000).default(30),
  /** New guest sessions an hour from one client address. */
  RATE_GUEST_SESSIONS_PER_HOUR_PER_IP: int(1, 1_000_000).default(60),
  /** Tasks one owner may have waiting or converting at once. */
  QUOTA_TASKS_IN_FLIGHT: int(1, 1_000_000).default(20),
  /** Bytes of uploaded PDFs one owner may keep stored, for users and for guests. */
  QUOTA_STORED_MB: int(1, 100_000_000).default(5000),
  QUOTA_GUEST_STORED_MB: int(1, 100_000_000).default(500),
  CORS_ORIGINS: list.default([]),
  MAX_UPLOAD_MB: int(1, 10_000).default(100),
  MAX_PAGES: int(1, 1_000_000).default(2000),
  CONVERSION_TIMEOUT_SECONDS: int(1, 86_400).default(300),
  CONVERSION_MEMORY_MB: int(64, 65_536).default(1024),
  WORKER_CONCURRENCY: int(1, 256).default(Math.max(1, cpus().length)),
  RECONCILE_INTERVAL_SECONDS: int(1, 3600).default(30),
  WORKER_LOCK_SECONDS: int(2, 3600).default(30),
  /** A page that keeps the parser busy longer than this is left out and named in the assets JSON. */
  PAGE_TIMEOUT_SECONDS: int(1, 3600).default(30),
  /** Guest tasks and their objects are deleted this long after they were created. */
  GUEST_RETENTION_HOURS: int(1, 24 * 365).default(24),
  /** How often the worker sweeps expired guest tasks and orphaned objects. */
  RETENTION_SWEEP_INTERVAL_SECONDS: int(10, 86_400).default(600),
  /** Seconds between the comment lines that keep an idle event stream open through proxies. */
  EVENTS_KEEPALIVE_SECONDS: int(1, 3600).default(15),
  /** Signs webhook deliveries; webhooks (`callback_url`) are off while it is unset. */
  WEBHOOK_SECRET: secret(32).optional(),
  /** `host` or `host:port` entries a callback URL may name besides public `https:` hosts (http and private addresses allowed). */
  WEBHOOK_ALLOWED_HOSTS: list.default([]),
  /** First retry delay of a failed webhook delivery; each further one doubles it (14 attempts: about a day at 10 s). */
  WEBHOOK_RETRY_DELAY_MS: int(1, 3_600_000).default(10_000),
  APP_NAME: z.string().min(1).default('Document Task Queue Service'),
  APP_ENV: z.string().min(1).default('development'),
  DEBUG: bool.default(false),
  PLACEHOLDER_PROCESSING: bool.default(false),
  SWAGGER_ENABLED: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = z.infer<typeof configSchema>;

const SECRET_NAME = /SECRET|_KEY$|PASSWORD|TOKEN/;

function withoutPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** Thrown with one line naming the first bad setting, so a process can stop with a clear message. */
export class ConfigError extends Error {}

/** Parses an environment; empty strings count as unset so `.env` files can leave values blank. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue.path.join('.');
  const value = present[name];
  const message = issue.message.replace(/^Invalid input: /, '');
  // A secret is named, never echoed into logs; a URL is shown without its password.
  const shown = SECRET_NAME.test(name) ? '' : `=${JSON.stringify(withoutPassword(value ?? ''))}`;
  throw new ConfigError(`Invalid configuration: ${name}${shown} ${message}`);
}
