/** SHA-256 and byte helpers over WebCrypto (crypto.subtle), for the browser's ledger checks. */

/** WebCrypto's SubtleCrypto, named so that both the browser's and Node's type libraries know it. */
type Subtle = typeof globalThis.crypto.subtle;

export function subtle(): Subtle {
  // crypto.subtle exists only in secure contexts (https, or http on localhost).
  if (!globalThis.crypto?.subtle) throw new WebCryptoUnavailable();
  return globalThis.crypto.subtle;
}

export class WebCryptoUnavailable extends Error {
  constructor() {
    super('WebCrypto is not available here');
    this.name = 'WebCryptoUnavailable';
  }
}

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', data));
}

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const HEX_64 = /^[0-9a-f]{64}$/;
export const isHex64 = (text: string): boolean => HEX_64.test(text);

/** 64 lowercase hex characters → 32 bytes; anything else throws. */
export function fromHex64(hex: string): Uint8Array<ArrayBuffer> {
  if (!isHex64(hex)) throw new Error('not 64 lowercase hex characters');
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export const sha256Hex = async (text: string): Promise<string> => toHex(await sha256(utf8(text)));
