import { publicAddressesOf, webhookTarget, WebhookTargetError } from '@papermill/queue';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';

/** A delivery attempt's outcome: delivered, refused for good (4xx, a redirect, a forbidden target), or worth retrying. */
export type DeliveryOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'refused'; status?: number; reason: string }
  | { kind: 'retry'; status?: number; reason: string };

export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Resolves the host and hands the socket only addresses that are public, so the address connected
 * to is the one checked (a name cannot resolve to a public address for the check and a private one
 * for the connection).
 */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  publicAddressesOf(hostname).then(
    (found) => {
      const wanted = found.filter(({ family }) => !options.family || family === options.family);
      if (wanted.length === 0) {
        callback(new WebhookTargetError(`No address of ${hostname} in the family asked for`), '', 4);
      } else if (options.all) {
        (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, wanted);
      } else {
        callback(null, wanted[0].address, wanted[0].family);
      }
    },
    (error: Error) => callback(error, '', 4),
  );
};

/**
 * POSTs `body` to `url` once: 10 s at most, redirects not followed, the address checked after DNS
 * resolution unless the host is listed in WEBHOOK_ALLOWED_HOSTS.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  allowedHosts: readonly string[],
): Promise<DeliveryOutcome> {
  let target;
  try {
    target = webhookTarget(url, allowedHosts);
  } catch (error) {
    return { kind: 'refused', reason: (error as Error).message };
  }
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<DeliveryOutcome>((resolve) => {
    const request = send(target.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      lookup: target.listed ? undefined : publicLookup,
      // A fresh connection each time: a kept-alive socket would skip the address check.
      agent: false,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      response.resume();
      if (status >= 200 && status < 300) resolve({ kind: 'delivered', status });
      else if (status >= 300 && status < 500)
        resolve({ kind: 'refused', status, reason: `answered ${status}` });
      else resolve({ kind: 'retry', status, reason: `answered ${status}` });
    });
    request.on('error', (error) => {
      if (error instanceof WebhookTargetError && !error.retryable) {
        resolve({ kind: 'refused', reason: error.message });
      } else {
        const reason =
          error.name === 'TimeoutError' || error.name === 'AbortError' ? 'timed out' : error.message;
        resolve({ kind: 'retry', reason });
      }
    });
    request.end(body);
  });
}
