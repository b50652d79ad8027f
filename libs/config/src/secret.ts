import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import type { SimpulEnv } from './app-config';

type Env = Record<string, string | undefined>;

/** Where development and test keep generated keys: SIMPUL_KEYS_DIR, default ./.simpul */
export const keysDirectory = (env: Env): string =>
  env.SIMPUL_KEYS_DIR || join(process.cwd(), '.simpul');

/**
 * A secret comes from the environment; in development and test it is generated once into
 * `.simpul/` so that a fresh checkout runs without setup. Production requires it.
 */
export function secret(
  env: Env,
  name: string,
  simpulEnv: SimpulEnv,
  keysDir: string,
  generate: () => string = () => randomBytes(48).toString('base64url'),
): string {
  const raw = env[name];
  if (raw) {
    if (raw.length < 32) throw new ConfigError(name, 'must be at least 32 characters');
    return raw;
  }
  if (simpulEnv === 'production') throw new ConfigError(name, 'is required in production');
  const file = join(keysDir, name.toLowerCase());
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const generated = generate();
  writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}
