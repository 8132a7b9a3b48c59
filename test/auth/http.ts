import { IncomingHttpHeaders, request as httpRequest } from 'node:http';

export interface Reply<T = unknown> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
}

export interface Send {
  headers?: Record<string, string>;
  /** A JSON value, or a FormData sent as multipart. */
  json?: unknown;
  form?: FormData;
  /** A body sent as is (with the caller's own content-type). */
  raw?: string;
  /** The client address to connect from (any 127.x.y.z): the failed-auth limiter counts per IP. */
  from?: string;
}

/**
 * One request to the api, returning the raw headers (every `Set-Cookie`) and the parsed JSON body.
 * node:http rather than fetch so a test can choose its source address.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON bodies of every shape
export async function send<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: Send = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let payload: Buffer | undefined;
  if (options.form) {
    const encoded = new Request('http://form.invalid', { method: 'POST', body: options.form });
    payload = Buffer.from(await encoded.arrayBuffer());
    headers['content-type'] = encoded.headers.get('content-type')!;
  } else if (options.raw !== undefined) {
    payload = Buffer.from(options.raw);
  } else if (options.json !== undefined) {
    payload = Buffer.from(JSON.stringify(options.json));
    headers['content-type'] = 'application/json';
  }
  if (payload) headers['content-length'] = String(payload.length);
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers,
        localAddress: options.from,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const isJson = (res.headers['content-type'] ?? '').includes('json');
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: (isJson && text ? JSON.parse(text) : text) as T,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The `name=value` part of a response's cookie, to send back as a `Cookie` header. */
export function cookieOf(reply: Reply, name: string): string | undefined {
  return reply.headers['set-cookie']?.find((line) => line.startsWith(`${name}=`))?.split(';')[0];
}

let nextAddress = 1;
/** A loopback address no other test has used, so failed-auth counts never leak between tests. */
export function freshClientAddress(): string {
  nextAddress++;
  return `127.0.${Math.floor(nextAddress / 250) + 1}.${(nextAddress % 250) + 1}`;
}
