import { BlockList, isIP } from 'node:net';
import { ConfigError } from './config-error';

/**
 * Which `X-Forwarded-For` entries to believe (TRUST_PROXY). `off`: none — the socket's peer is the
 * client. `hops`: that many proxies stand in front, whatever their addresses. `proxies`: the peer
 * and each entry walking from the right are believed while they are one of these addresses or
 * ranges (canonical `address/prefix`).
 */
export type TrustProxyConfig =
  | { kind: 'off' }
  | { kind: 'hops'; hops: number }
  | { kind: 'proxies'; proxies: readonly string[] };

const MAX_HOPS = 10;
const OFF = new Set(['', 'off', 'false', 'no', 'none', '0']);

/** Parses TRUST_PROXY; anything but off, a hop count or a list of addresses/CIDRs stops the boot. */
export function parseTrustProxy(raw: string | undefined): TrustProxyConfig {
  const value = (raw ?? '').trim().toLowerCase();
  if (OFF.has(value)) return { kind: 'off' };
  const refuse = (why: string): never => {
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    throw new ConfigError(
      'TRUST_PROXY',
      `must be off, a hop count from 1 to ${MAX_HOPS}, or a comma-separated list of proxy addresses or CIDRs (${why}; got '${shown}')`,
    );
  };
  if (value === 'true') {
    refuse("'true' would let every client choose its own address");
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) refuse(`more than ${MAX_HOPS} hops`);
    return { kind: 'hops', hops };
  }
  const proxies = value.split(',').map((entry) => entry.trim());
  for (const entry of proxies) {
    if (!parseRange(entry)) refuse(`'${entry.slice(0, 45)}' is not an address or CIDR`);
  }
  return { kind: 'proxies', proxies: proxies.map((entry) => canonicalRange(entry)) };
}

interface Range {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

function parseRange(entry: string): Range | undefined {
  const [address, prefixText, extra] = entry.split('/');
  if (extra !== undefined || !address) return undefined;
  const version = isIP(address);
  if (version === 0) return undefined;
  const bits = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function canonicalRange(entry: string): string {
  const range = parseRange(entry) as Range;
  return `${range.address}/${range.prefix}`;
}

/**
 * An address as counted and logged: IPv4-mapped IPv6 (`::ffff:192.0.2.1`, what a dual-stack
 * socket reports) as plain IPv4, IPv6 in lower case without a zone. Undefined for anything that is
 * not an IP address.
 */
export function normalizeAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let address = raw.trim().toLowerCase();
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) address = mapped[1];
  return isIP(address) === 0 ? undefined : address;
}

/** The eight 16-bit groups of an IPv6 address (embedded dotted IPv4 included). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parts = (part: string | undefined) => (part ? part.split(':') : []);
  const left = parts(head);
  const right = parts(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16));
}

/**
 * What limits count an address as: an IPv4 address itself; an IPv6 address by its /64, because
 * one subscriber usually holds a whole /64 and could otherwise take a fresh address per request.
 */
export function addressBucket(address: string): string {
  const normalized = normalizeAddress(address) ?? address;
  if (isIP(normalized) !== 6) return normalized;
  const groups = ipv6Groups(normalized).slice(0, 4);
  return `${groups.map((group) => group.toString(16)).join(':')}::/64`;
}

/**
 * The client's address under TRUST_PROXY, the same way for Fastify (`request.ip`), the GraphQL
 * context over HTTP and WebSocket, rate limits, the sign-in lockout, the connection cap and logs.
 * X-Forwarded-For is read from the right: each entry appended by a trusted hop is believed, the
 * first one that was not appended by a trusted hop is the client. Entries further left were
 * written by the client itself and are never looked at, so a forged left-most entry changes
 * nothing.
 */
export class ClientAddressResolver {
  private readonly proxies: BlockList | undefined;

  constructor(readonly trust: TrustProxyConfig) {
    if (trust.kind === 'proxies') {
      this.proxies = new BlockList();
      for (const entry of trust.proxies) {
        const range = parseRange(entry) as Range;
        this.proxies.addSubnet(range.address, range.prefix, range.family);
      }
    }
  }

  /**
   * Whether the address at position `hop` of the chain (0 = the socket's peer, 1 = the right-most
   * X-Forwarded-For entry, …) is a proxy whose word about the previous hop is believed. This is
   * also Fastify's `trustProxy` function.
   */
  readonly trustsHop = (address: string, hop: number): boolean => {
    switch (this.trust.kind) {
      case 'off':
        return false;
      case 'hops':
        return hop < this.trust.hops;
      case 'proxies':
        return this.isListedProxy(address);
    }
  };

  /**
   * Whether a socket's peer is a proxy that many clients share (its connections are not capped per
   * address): with a hop count every peer is; with a list, the listed ones.
   */
  isTrustedProxy(peer: string | undefined): boolean {
    if (!peer) return false;
    return this.trustsHop(peer, 0);
  }

  /** The client address of a request from `peer` carrying these X-Forwarded-For headers. */
  resolve(
    peer: string | undefined,
    forwardedFor: string | readonly string[] | undefined,
  ): string | undefined {
    const socket = normalizeAddress(peer);
    if (!socket || this.trust.kind === 'off') return socket;
    const header = typeof forwardedFor === 'string' ? forwardedFor : (forwardedFor ?? []).join(',');
    // [peer, right-most entry, …, left-most entry]
    const chain = [
      socket,
      ...header
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0)
        .reverse(),
    ];
    let client = socket;
    for (let hop = 0; hop < chain.length - 1; hop++) {
      if (!this.trustsHop(client, hop)) return client;
      const next = normalizeAddress(chain[hop + 1]);
      // A trusted proxy that wrote something other than an address: go no further than it.
      if (!next) return client;
      client = next;
    }
    return client;
  }

  private isListedProxy(address: string): boolean {
    const normalized = normalizeAddress(address);
    if (!normalized || !this.proxies) return false;
    return this.proxies.check(normalized, isIP(normalized) === 4 ? 'ipv4' : 'ipv6');
  }
}
