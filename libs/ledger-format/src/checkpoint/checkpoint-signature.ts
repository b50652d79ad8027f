import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { canonicalJson } from '../canonical-json';

/**
 * A signed tree head (RFC 9162 §4.10 in spirit): the hub commits to the first `treeSize` entries
 * of the ledger by signing their Merkle root. Anyone holding the public key can check it offline.
 */
export interface CheckpointBody {
  /** decimal string, like seq */
  treeSize: string;
  /** lowercase hex MTH of entries 0 … treeSize-1 */
  rootHash: string;
  /** `Date.toISOString()` */
  issuedAt: string;
  keyId: string;
}

/** Domain separation: these bytes can never be mistaken for anything else Simpul signs. */
export const CHECKPOINT_TYPE = 'simpul-ledger-checkpoint/v1';

/**
 * The bytes the signature covers: UTF-8 of the RFC 8785 canonical JSON of the body plus its
 * type, e.g. {"issuedAt":"…","keyId":"…","rootHash":"…","treeSize":"42","type":"simpul-ledger-checkpoint/v1"}.
 */
export function checkpointBytes(body: CheckpointBody): Buffer {
  return Buffer.from(
    canonicalJson({
      type: CHECKPOINT_TYPE,
      treeSize: body.treeSize,
      rootHash: body.rootHash,
      issuedAt: body.issuedAt,
      keyId: body.keyId,
    }),
    'utf8',
  );
}

/** Ed25519 signature, base64. */
export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): string {
  return sign(null, checkpointBytes(body), privateKey).toString('base64');
}

export function verifyCheckpointSignature(
  body: CheckpointBody,
  signatureBase64: string,
  publicKey: KeyObject,
): boolean {
  try {
    return verify(null, checkpointBytes(body), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

/** keyId = first 16 hex characters of SHA-256 of the raw public key: stable, derivable offline. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

export function publicKeyFromRaw(rawBase64: string): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(rawBase64, 'base64').toString('base64url') },
    format: 'jwk',
  });
}

/** A private key from PKCS#8 PEM or base64 PKCS#8 DER (how LEDGER_SIGNING_KEYS carries them). */
export function privateKeyFrom(text: string): KeyObject {
  const trimmed = text.trim();
  return trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
}

/**
 * What a person compares by eye — on the printed Berita Acara and in the verifier's output — to
 * know that two documents rest on the same signed checkpoint: lowercase hex SHA-256 of
 * checkpointBytes(body), shown in groups of four.
 */
export function checkpointFingerprint(body: CheckpointBody): string {
  const hex = createHash('sha256').update(checkpointBytes(body)).digest('hex');
  return hex.match(/.{4}/g)!.join(' ');
}
