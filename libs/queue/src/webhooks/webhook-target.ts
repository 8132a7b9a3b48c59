import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** A callback URL that may not receive webhooks; the message is a sentence for the uploader. */
export class WebhookTargetError extends Error {
  /** True when trying again later may succeed (the name did not resolve). */
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

/** A callback URL that passed the checks of its form. */
export interface WebhookTarget {
  url: URL;
  /** The host without IPv6 brackets, as DNS and sockets take it. */
  hostname: string;
  /** Listed in WEBHOOK_ALLOWED_HOSTS: `http:` and private addresses allowed. */
  listed: boolean;
}

/**
 * Only global unicast addresses: not loopback, private, link-local, CGNAT, multicast, unspecified,
 * reserved, nor an IPv6 form embedding one of those (IPv4-mapped, NAT64, 6to4, Teredo).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns an IPv4-mapped IPv6 address (::ffff:10.0.0.1) into the IPv4 address it names.
  return ipaddr.process(address).range() === 'unicast';
}

/**
 * Checks a callback URL's form: `https:` (or `http:` for a listed host), no credentials, and a
 * literal address public unless listed. `allowedHosts` are `host` or `host:port` entries.
 */
export function webhookTarget(raw: string, allowedHosts: readonly string[]): WebhookTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError('The callback_url is not a valid URL');
  }
  const listed = allowedHosts.some((entry) => entry.toLowerCase() === url.host.toLowerCase());
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (url.protocol !== 'https:' && !(listed && url.protocol === 'http:')) {
    throw new WebhookTargetError('The callback_url must be an https URL');
  }
  if (url.username || url.password) {
    throw new WebhookTargetError('The callback_url must not carry a user name or password');
  }
  if (!listed && isIP(hostname) && !isPublicAddress(hostname)) throw privateAddress();
  return { url, hostname, listed };
}

/**
 * The host's addresses, every one of them public; a host with any private address is refused
 * (a name that resolves both ways could be steered to the private one).
 */
export async function publicAddressesOf(hostname: string): Promise<{ address: string; family: number }[]> {
  if (isIP(hostname)) {
    if (!isPublicAddress(hostname)) throw privateAddress();
    return [{ address: hostname, family: isIP(hostname) }];
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await dnsLookup(hostname, { all: true, verbatim: true });
  } catch {
    throw new WebhookTargetError(`The callback_url host ${hostname} could not be resolved`, true);
  }
  if (addresses.length === 0 || !addresses.every(({ address }) => isPublicAddress(address))) {
    throw privateAddress();
  }
  return addresses;
}

const privateAddress = () =>
  new WebhookTargetError(
    'The callback_url points to a private or local address; webhooks go to public addresses only',
  );
