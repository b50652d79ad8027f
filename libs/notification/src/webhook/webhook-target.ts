import { BlockList, isIP } from 'node:net';
import { domainToUnicode } from 'node:url';
import { badInput } from '@simpul/common';

/**
 * Addresses a webhook may never reach unless WEBHOOK_ALLOW_PRIVATE_TARGETS (development and tests
 * only): the hub's own host (loopback), cloud metadata and other link-local services, the
 * unspecified address (which reaches loopback on most systems) and multicast. Private ranges
 * (10/8, 172.16/12, 192.168/16, fc00::/7) stay allowed: agency systems often live on government
 * intranets. Checked when ADMIN saves the URL and again, on every resolved address, when the
 * hub connects — a name that later resolves to loopback (DNS rebinding) is refused then.
 */
const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet('0.0.0.0', 8, 'ipv4');
FORBIDDEN.addSubnet('127.0.0.0', 8, 'ipv4');
FORBIDDEN.addSubnet('169.254.0.0', 16, 'ipv4');
FORBIDDEN.addSubnet('224.0.0.0', 4, 'ipv4');
FORBIDDEN.addSubnet('240.0.0.0', 4, 'ipv4');
FORBIDDEN.addAddress('::', 'ipv6');
FORBIDDEN.addAddress('::1', 'ipv6');
FORBIDDEN.addSubnet('fe80::', 10, 'ipv6');
FORBIDDEN.addSubnet('ff00::', 8, 'ipv6');
// Cloud metadata services outside link-local: AWS's IPv6 instance metadata (a unique local
// address) and Alibaba Cloud's (in the shared 100.64/10 range). Their neighbours stay allowed.
FORBIDDEN.addAddress('fd00:ec2::254', 'ipv6');
FORBIDDEN.addAddress('100.100.100.200', 'ipv4');

const LOCAL_NAMES = /^(localhost|localhost\.localdomain|ip6-localhost|ip6-loopback)$|\.localhost$/i;

/** Whether the hub may connect to this resolved address. */
export function isForbiddenAddress(address: string): boolean {
  let plain = address.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (mapped) plain = mapped[1];
  const family = isIP(plain);
  if (family === 0) return true;
  return FORBIDDEN.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

const MAX_URL_LENGTH = 2000;

/** A DNS label: letters, digits, hyphens (underscores, which some intranets use), no edge hyphen. */
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/**
 * Whether a host name could ever resolve: labels of a DNS name, at most 253 characters, and an
 * IDN label (`xn--…`) that decodes. WHATWG URL parsing accepts `xn--` or `a..b`; saving one only
 * parks every event sent to it later.
 */
function isHostName(name: string): boolean {
  if (!name || name.length > 253) return false;
  return name.split('.').every((label) => {
    if (!LABEL.test(label)) return false;
    if (!label.startsWith('xn--')) return true;
    const decoded = domainToUnicode(label);
    return decoded !== '' && decoded !== label;
  });
}

/**
 * A webhook URL ADMIN may save: http(s), no credentials in it, not the hub's own public address,
 * and not a forbidden address or local name unless allowed. BAD_USER_INPUT naming `field`
 * otherwise. Returns the URL as parsed (normalised).
 */
export function checkWebhookUrl(
  raw: string,
  options: { field: string; allowPrivate: boolean; hubUrl: string; production: boolean },
): string {
  const refuse = (why: string) => badInput(options.field, why);
  if (raw.length > MAX_URL_LENGTH) throw refuse(`must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refuse('must be an absolute http(s) URL');
  }
  const protocols = options.production ? ['https:'] : ['https:', 'http:'];
  if (!protocols.includes(url.protocol)) {
    throw refuse(`must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  if (url.username || url.password) throw refuse('must not carry credentials (use the secret)');
  // `localhost.` and `simpul.example.` are the same hosts as without the final dot.
  if (withoutFinalDot(url) === withoutFinalDot(new URL(options.hubUrl)))
    throw refuse('must not point at Simpul itself');
  if (url.port === '0') throw refuse('must name a port a receiver can listen on');
  // The address or name itself: no IPv6 brackets, no final dot (`localhost.` is localhost).
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (isIP(host) === 0 && !isHostName(host)) throw refuse('must name a valid host');
  if (!options.allowPrivate) {
    if (LOCAL_NAMES.test(host)) throw refuse('must not point at this host');
    if (isIP(host) !== 0 && isForbiddenAddress(host)) {
      throw refuse('must not point at a loopback, link-local, unspecified or multicast address');
    }
  }
  return url.toString();
}

/** A URL's origin with its host's final dot (a fully qualified name) left off. */
function withoutFinalDot(url: URL): string {
  return `${url.protocol}//${url.hostname.replace(/\.$/, '')}:${url.port}`;
}

/** The scheme, host and port of a URL: what the ledger records (paths may carry tokens). */
export function originOf(url: string): string {
  return new URL(url).origin;
}
