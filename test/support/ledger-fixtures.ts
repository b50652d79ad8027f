import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  entryHash,
  GENESIS_PREV_HASH,
  inMemoryNodes,
  keyIdOf,
  payloadDigest,
  rawPublicKey,
  signCheckpoint,
  treeRoot,
  type ExportedEntry,
  type PublishedKeys,
  type SignedCheckpoint,
} from '@simpul/ledger-format';

/**
 * The intact material the verifier's specs spoil (verify-ledger-document.spec,
 * verify-file.spec): a signing key with its published keys, a chain built the way the hub builds
 * it, and checkpoints signed over it. Each spec damages its own copy.
 */
export const FIXTURE_CASE_ID = '3a7c9e1b-5d2f-4a86-b4c3-1e9f8d7a6b50';

export interface FixtureSigningKey {
  keyId: string;
  privateKey: KeyObject;
  /** What /.well-known/simpul-ledger-keys.json would publish for it. */
  published: PublishedKeys;
}

/** A fresh Ed25519 key, as the hub's current key. */
export function fixtureSigningKey(): FixtureSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  const published: PublishedKeys = {
    keys: [
      {
        keyId,
        algorithm: 'Ed25519',
        publicKey: rawPublicKey(publicKey).toString('base64'),
        status: 'current',
      },
    ],
  };
  return { keyId, privateKey, published };
}

export interface FixtureChainOptions {
  /** Entry i's payload; by default `{ services: ['SHELTER'], attempt: i }`. */
  payload?: (i: number) => Record<string, unknown>;
  fromUnit?: string | null;
}

/** n entries from seq 0, hashed and linked; every third one is of FIXTURE_CASE_ID. */
export function fixtureChain(n: number, options: FixtureChainOptions = {}): ExportedEntry[] {
  const payloadOf = options.payload ?? ((i: number) => ({ services: ['SHELTER'], attempt: i }));
  const entries: ExportedEntry[] = [];
  let prev = GENESIS_PREV_HASH;
  for (let i = 0; i < n; i++) {
    const payload = payloadOf(i);
    const entry: ExportedEntry = {
      seq: String(i),
      at: new Date(Date.UTC(2026, 2, 2, 1, 30, 0, i)).toISOString(),
      action: i % 2 ? 'REFERRAL_DELIVERED' : 'REFERRAL_SENT',
      actor: null,
      fromUnit: options.fromUnit ?? null,
      toUnit: null,
      caseId: i % 3 === 0 ? FIXTURE_CASE_ID : null,
      referralId: null,
      alertId: null,
      noteDigest: null,
      payload,
      payloadDigest: payloadDigest(payload),
      prevHash: prev,
      entryHash: '',
    };
    entry.entryHash = entryHash(prev, entry);
    prev = entry.entryHash;
    entries.push(entry);
  }
  return entries;
}

/** The checkpoint `key` signs over the first treeSize of `entries` (all of them by default). */
export function fixtureCheckpoint(
  entries: readonly ExportedEntry[],
  key: FixtureSigningKey,
  treeSize = entries.length,
): SignedCheckpoint {
  const body = {
    treeSize: String(treeSize),
    rootHash: treeRoot(
      treeSize,
      inMemoryNodes(entries.slice(0, treeSize).map((e) => e.entryHash)),
    ).toString('hex'),
    issuedAt: '2026-12-01T00:00:00.000Z',
    keyId: key.keyId,
  };
  return { ...body, signature: signCheckpoint(body, key.privateKey) };
}
