import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's scrypt floor in its low-memory form (N=2^14, r=8, p=5: 16 MiB, ~120 ms here), so a
 * burst of logins does not exhaust memory on a small machine. Parameters travel inside every stored
 * hash, so raising them later leaves existing hashes verifiable.
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 14, r: 8, p: 5 };

/** Optional provider to override the parameters (tests use cheap ones). */
export const SCRYPT_PARAMS = Symbol('SCRYPT_PARAMS');

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Password hashes stored as `scrypt$N$r$p$<salt base64>$<hash base64>`. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly params: ScryptParams;
  /**
   * Hash of a random password nobody knows, made once (at module start in the apps): logins for
   * unknown usernames verify against it, so they cost one scrypt run like a wrong password does.
   */
  private dummyHash?: Promise<string>;

  constructor(@Optional() @Inject(SCRYPT_PARAMS) params?: ScryptParams) {
    this.params = params ?? DEFAULT_SCRYPT_PARAMS;
  }

  async onModuleInit(): Promise<void> {
    await this.dummy();
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, this.params);
    const { N, r, p } = this.params;
    return [PREFIX, N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  /** Constant-time comparison; false (never an exception) for a malformed stored value. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.params);
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  }

  /** Runs one verification that always fails: the cost of a login for an unknown username. */
  async verifyDummy(password: string): Promise<false> {
    await this.verify(password, await this.dummy());
    return false;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
    return this.dummyHash;
  }
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const valid = [N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) && (N & (N - 1)) === 0;
  if (!valid) return null;
  return {
    params: { N, r, p },
    salt: Buffer.from(parts[4], 'base64'),
    key: Buffer.from(parts[5], 'base64'),
  };
}
