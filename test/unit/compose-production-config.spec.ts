import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@simpul/config';

/*
 * docker/compose.yaml runs gateway, worker and migration with SIMPUL_ENV=production, where every
 * secret is required and none is generated. Each container's environment, built from the compose
 * file with the secrets docker/README.md has the operator generate, must pass the same validation
 * the processes run at boot — or `docker compose up` starts containers that exit at once.
 */

const COMPOSE = readFileSync(join(process.cwd(), 'docker/compose.yaml'), 'utf8');
const README = readFileSync(join(process.cwd(), 'docker/README.md'), 'utf8');

/** What docker/README.md's first block writes into docker/.env, in the same shapes. */
const GENERATED: Record<string, string> = {
  POSTGRES_PASSWORD: randomBytes(24).toString('hex'),
  APP_DB_PASSWORD: randomBytes(24).toString('hex'),
  SEQUENCER_DB_PASSWORD: randomBytes(24).toString('hex'),
  TOKEN_SECRET: randomBytes(48).toString('base64'),
  PII_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  PII_HMAC_KEY: randomBytes(48).toString('base64'),
  LEDGER_SIGNING_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'der', type: 'pkcs8' })
    .toString('base64'),
};

/** `KEY: value` lines of the block after line `start`, up to the first less-indented line. */
function keysAfter(lines: string[], start: number): Record<string, string> {
  const indent = lines[start + 1].search(/\S/);
  const env: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.search(/\S/) < indent) break;
    const match = /^\s*([A-Z0-9_]+):\s*(.*?)\s*$/.exec(line);
    if (match) env[match[1]] = match[2].replace(/^'(.*)'$/, '$1');
  }
  return env;
}

/** The shared `&simpul-env` block, then what the service's own `environment:` adds to it. */
function composeEnvironment(service: string): Record<string, string> {
  const lines = COMPOSE.split('\n');
  const shared = lines.findIndex((line) => line.trim() === 'environment: &simpul-env');
  const own = lines.findIndex((line) => line === `  ${service}:`);
  const ownEnv = lines.findIndex((line, i) => i > own && line.trim() === 'environment:');
  if (shared < 0 || own < 0 || ownEnv < 0) throw new Error(`docker/compose.yaml: no ${service}`);
  return { ...keysAfter(lines, shared), ...keysAfter(lines, ownEnv) };
}

/** Compose's interpolation: ${X:?message} must be set, ${X:-default} falls back. */
function interpolate(value: string): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::([?-])([^}]*))?\}/g,
    (_all, name: string, kind, rest) => {
      if (name in GENERATED) return GENERATED[name];
      if (kind === '?')
        throw new Error(`compose requires ${name}, which docker/README.md does not generate`);
      return kind === '-' ? (rest as string) : '';
    },
  );
}

function containerEnv(service: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(composeEnvironment(service))) {
    const interpolated = interpolate(value);
    // Compose passes "" for an unset optional; the processes read an empty value as unset.
    if (interpolated !== '') env[key] = interpolated;
  }
  return env;
}

describe('docker/compose.yaml in production', () => {
  it.each(['migrate', 'gateway', 'worker'])(
    'gives the %s container a configuration that boots',
    (service) => {
      const env = containerEnv(service);
      expect(env.SIMPUL_ENV).toBe('production');
      expect(() => loadConfig(env)).not.toThrow();
    },
  );

  it('asks the operator to generate every secret compose requires', () => {
    const required = [...COMPOSE.matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((match) => match[1]);
    for (const name of new Set(required)) expect(README).toContain(`${name}=`);
  });
});
