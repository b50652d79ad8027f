import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimpulEnv } from './app-config';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

/** Checkpoints over the ledger and the key that signs them (docs/ledger-format.md, "Checkpoints"). */
export interface LedgerConfig {
  /** The hub's Ed25519 signing key, PKCS#8 PEM or base64 PKCS#8 DER (validated here). */
  signingKey: string;
  /** Raw 32-byte Ed25519 public keys (base64) of keys that signed earlier checkpoints. */
  retiredPublicKeys: string[];
  /** Sign a checkpoint once this many entries were sealed since the last one… */
  checkpointEveryEntries: number;
  /** …or once this long has passed since the last one and any entry was sealed since. */
  checkpointEveryMs: number;
}

const DEV_KEY_FILE = 'ledger_signing_key';

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got '${raw}')`);
  }
  return Number(raw);
}

/** Refuses anything but an Ed25519 private key, without echoing the key. */
function checkedSigningKey(name: string, text: string): string {
  const trimmed = text.trim();
  try {
    const key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
  } catch {
    throw new ConfigError(name, 'must be an Ed25519 private key (PKCS#8 PEM or base64 DER)');
  }
  return trimmed;
}

/**
 * LEDGER_SIGNING_KEY (or a file named by LEDGER_SIGNING_KEY_FILE); in development and test a key
 * is generated once into the keys directory. Production refuses to start without one: a key
 * generated on the fly would sign checkpoints nobody can check after a restart.
 */
function signingKey(env: Env, simpulEnv: SimpulEnv, keysDir: string): string {
  if (env.LEDGER_SIGNING_KEY)
    return checkedSigningKey('LEDGER_SIGNING_KEY', env.LEDGER_SIGNING_KEY);
  if (env.LEDGER_SIGNING_KEY_FILE) {
    let text: string;
    try {
      text = readFileSync(env.LEDGER_SIGNING_KEY_FILE, 'utf8');
    } catch {
      throw new ConfigError('LEDGER_SIGNING_KEY_FILE', 'cannot be read');
    }
    return checkedSigningKey('LEDGER_SIGNING_KEY_FILE', text);
  }
  if (simpulEnv === 'production') {
    throw new ConfigError('LEDGER_SIGNING_KEY', 'is required in production');
  }
  const file = join(keysDir, DEV_KEY_FILE);
  if (existsSync(file)) return checkedSigningKey(file, readFileSync(file, 'utf8'));
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const generated = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}

function retiredPublicKeys(env: Env): string[] {
  const raw = env.LEDGER_RETIRED_PUBLIC_KEYS ?? '';
  const keys = raw
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const key of keys) {
    if (!/^[A-Za-z0-9+/]{43}=$/.test(key) || Buffer.from(key, 'base64').length !== 32) {
      throw new ConfigError(
        'LEDGER_RETIRED_PUBLIC_KEYS',
        'must list raw 32-byte Ed25519 public keys in base64, separated by commas',
      );
    }
  }
  return keys;
}

export function ledgerConfig(env: Env, simpulEnv: SimpulEnv, keysDir: string): LedgerConfig {
  return {
    signingKey: signingKey(env, simpulEnv, keysDir),
    retiredPublicKeys: retiredPublicKeys(env),
    checkpointEveryEntries: wholeNumber(env, 'CHECKPOINT_EVERY_ENTRIES', 1000, 1, 100_000_000),
    checkpointEveryMs: wholeNumber(env, 'CHECKPOINT_EVERY_MS', 60_000, 100, 86_400_000),
  };
}
