/** autocannon (a CommonJS package without typings) behind the few fields the benchmarks read. */
import { createRequire } from 'node:module';

export interface CannonOptions {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration?: number;
  /** Total requests to send instead of a duration. */
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: Buffer;
  /** Seconds before a request counts as a timeout. */
  timeout?: number;
}

interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
}

interface RawResult {
  requests: Histogram;
  latency: Histogram;
  throughput: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats?: Record<string, { count: number }>;
}

export interface CannonResult {
  /** Mean requests per second over the run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  /** Mean response bytes per second. */
  bytesPerSec: number;
  statusCodes: Record<string, number>;
}

type Autocannon = (options: Record<string, unknown>) => Promise<RawResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export async function cannon(options: CannonOptions): Promise<CannonResult> {
  const raw = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 10 }),
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    timeout: options.timeout ?? 30,
  });
  const statusCodes = Object.fromEntries(
    Object.entries(raw.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
  );
  return {
    rps: raw.requests.average,
    p50Ms: raw.latency.p50,
    p99Ms: raw.latency.p99,
    maxMs: raw.latency.max,
    ok: raw['2xx'],
    non2xx: raw.non2xx,
    errors: raw.errors,
    timeouts: raw.timeouts,
    seconds: raw.duration,
    bytesPerSec: raw.throughput.average,
    statusCodes,
  };
}
