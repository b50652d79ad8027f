import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError, keysDirectory, secret, type SimpulEnv } from '@simpul/config';

type Env = Record<string, string | undefined>;

export interface PrivacyConfig {
  /** AES-256 keys by id; old ones stay so values written under them can still be read. */
  keys: ReadonlyMap<string, Buffer>;
  /** The key new values are written with. */
  activeKeyId: string;
  /** Keyed hash for searching by NIK / passport without storing them in clear. */
  hmacKey: Buffer;
}

export const PRIVACY_CONFIG = Symbol('PRIVACY_CONFIG');

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

function parseKeys(raw: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, material] = part.split(':');
    const key = material ? Buffer.from(material, 'base64') : Buffer.alloc(0);
    if (!id || !KEY_ID.test(id) || key.length !== 32) {
      throw new ConfigError(
        'PII_KEYS',
        "must be 'id:base64key' pairs separated by commas, each key 32 bytes",
      );
    }
    keys.set(id, key);
  }
  if (!keys.size) throw new ConfigError('PII_KEYS', 'must name at least one key');
  return keys;
}

/** Development and test: one key generated once into .simpul/pii_keys. */
function developmentKeys(dir: string): string {
  const file = join(dir, 'pii_keys');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const generated = `k1:${randomBytes(32).toString('base64')}`;
  writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}

/**
 * PII_KEYS (key ring), PII_ACTIVE_KEY_ID (default: the last key listed) and PII_HMAC_KEY. Required
 * in production; generated into .simpul/ otherwise.
 */
export function loadPrivacyConfig(env: Env = process.env): PrivacyConfig {
  const simpulEnv = (env.SIMPUL_ENV || 'development') as SimpulEnv;
  const dir = keysDirectory(env);
  let raw = env.PII_KEYS;
  if (!raw) {
    if (simpulEnv === 'production') throw new ConfigError('PII_KEYS', 'is required in production');
    raw = developmentKeys(dir);
  }
  const keys = parseKeys(raw);
  const activeKeyId = env.PII_ACTIVE_KEY_ID || [...keys.keys()].at(-1)!;
  if (!keys.has(activeKeyId)) {
    throw new ConfigError('PII_ACTIVE_KEY_ID', `names no key in PII_KEYS (got '${activeKeyId}')`);
  }
  const hmacKey = Buffer.from(secret(env, 'PII_HMAC_KEY', simpulEnv, dir), 'utf8');
  return { keys, activeKeyId, hmacKey };
}
