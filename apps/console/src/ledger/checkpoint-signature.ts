import { canonicalJson } from './canonical-json';
import { fromBase64, sha256, subtle, toHex, utf8 } from './web-digest';

/** A signed checkpoint as the API serves it (docs/ledger-format.md, "Checkpoints"). */
export interface SignedCheckpoint {
  treeSize: string;
  rootHash: string;
  issuedAt: string;
  keyId: string;
  signature: string;
}

/** /.well-known/simpul-ledger-keys.json */
export interface PublishedKeys {
  keys: { keyId: string; algorithm: string; publicKey: string; status: string }[];
}

/** The signed bytes: UTF-8 of JCS({issuedAt, keyId, rootHash, treeSize, type}). */
export function checkpointBytes(c: SignedCheckpoint): Uint8Array<ArrayBuffer> {
  return utf8(
    canonicalJson({
      type: 'simpul-ledger-checkpoint/v1',
      treeSize: c.treeSize,
      rootHash: c.rootHash,
      issuedAt: c.issuedAt,
      keyId: c.keyId,
    }),
  );
}

/** Lowercase hex SHA-256 of the signed bytes in groups of four, as the dossier prints it. */
export async function checkpointFingerprint(c: SignedCheckpoint): Promise<string> {
  return toHex(await sha256(checkpointBytes(c)))
    .match(/.{4}/g)!
    .join(' ');
}

export type SignatureProblem = 'UNKNOWN_KEY' | 'BAD_KEY' | 'BAD_SIGNATURE' | 'NO_ED25519';

/**
 * Checks the checkpoint's Ed25519 signature with the published key its keyId names (never a key
 * a document brings along). Returns what is wrong, or null when it verifies.
 */
export async function checkpointSignatureProblem(
  c: SignedCheckpoint,
  keys: PublishedKeys,
): Promise<SignatureProblem | null> {
  const published = keys.keys.find((k) => k.keyId === c.keyId && k.algorithm === 'Ed25519');
  if (!published) return 'UNKNOWN_KEY';
  const raw = base64OrNull(published.publicKey);
  const signature = base64OrNull(c.signature);
  if (!raw) return 'BAD_KEY';
  if (!signature) return 'BAD_SIGNATURE';
  // keyId = the first 16 hex of SHA-256 of the raw key: a published entry must match its id.
  if (raw.length !== 32 || toHex(await sha256(raw)).slice(0, 16) !== c.keyId) return 'BAD_KEY';
  const key = await subtle()
    .importKey('raw', raw, { name: 'Ed25519' }, false, ['verify'])
    .catch((error: Error) =>
      // A browser without Ed25519 in WebCrypto says NotSupportedError; anything else is the key.
      error.name === 'NotSupportedError' ? ('NO_ED25519' as const) : ('BAD_KEY' as const),
    );
  if (typeof key === 'string') return key;
  const ok = await subtle().verify({ name: 'Ed25519' }, key, signature, checkpointBytes(c));
  return ok ? null : 'BAD_SIGNATURE';
}

function base64OrNull(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}
