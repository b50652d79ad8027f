import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { ledgerConfig } from './ledger-config';

const ed25519Pem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

describe('ledger config', () => {
  const keysDir = () => mkdtempSync(join(tmpdir(), 'simpul-ledger-keys-'));

  it('refuses to start in production without a signing key', () => {
    expect(() => ledgerConfig({}, 'production', keysDir())).toThrow(ConfigError);
    expect(() => ledgerConfig({}, 'production', keysDir())).toThrow(/LEDGER_SIGNING_KEY/);
  });

  it('generates a development key once and keeps it', () => {
    const dir = keysDir();
    const first = ledgerConfig({}, 'development', dir).signingKey;
    expect(readFileSync(join(dir, 'ledger_signing_key'), 'utf8')).toBe(first);
    expect(ledgerConfig({}, 'development', dir).signingKey).toBe(first);
  });

  it('takes a PEM key from the environment or a file, and refuses a key that is not Ed25519', () => {
    const pem = ed25519Pem();
    expect(ledgerConfig({ LEDGER_SIGNING_KEY: pem }, 'production', keysDir()).signingKey).toBe(
      pem.trim(),
    );
    const file = join(keysDir(), 'key.pem');
    writeFileSync(file, pem);
    expect(
      ledgerConfig({ LEDGER_SIGNING_KEY_FILE: file }, 'production', keysDir()).signingKey,
    ).toBe(pem.trim());
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(() => ledgerConfig({ LEDGER_SIGNING_KEY: rsa }, 'production', keysDir())).toThrow(
      /must be an Ed25519 private key/,
    );
    expect(() =>
      ledgerConfig({ LEDGER_SIGNING_KEY: 'not a key' }, 'production', keysDir()),
    ).toThrow(/must be an Ed25519 private key/);
  });

  it('reads retired public keys and refuses malformed ones', () => {
    const raw = Buffer.alloc(32, 7).toString('base64');
    const env = { LEDGER_SIGNING_KEY: ed25519Pem(), LEDGER_RETIRED_PUBLIC_KEYS: ` ${raw} ,` };
    expect(ledgerConfig(env, 'test', keysDir()).retiredPublicKeys).toEqual([raw]);
    expect(() =>
      ledgerConfig({ ...env, LEDGER_RETIRED_PUBLIC_KEYS: 'abc' }, 'test', keysDir()),
    ).toThrow(/LEDGER_RETIRED_PUBLIC_KEYS/);
  });

  it('reads how often to sign and refuses values out of range', () => {
    const env = { LEDGER_SIGNING_KEY: ed25519Pem() };
    expect(ledgerConfig(env, 'test', keysDir())).toMatchObject({
      checkpointEveryEntries: 1000,
      checkpointEveryMs: 60_000,
    });
    expect(
      ledgerConfig(
        { ...env, CHECKPOINT_EVERY_ENTRIES: '5', CHECKPOINT_EVERY_MS: '250' },
        'test',
        keysDir(),
      ),
    ).toMatchObject({ checkpointEveryEntries: 5, checkpointEveryMs: 250 });
    expect(() =>
      ledgerConfig({ ...env, CHECKPOINT_EVERY_ENTRIES: '0' }, 'test', keysDir()),
    ).toThrow(/CHECKPOINT_EVERY_ENTRIES/);
  });
});
