import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  checkpointBytes,
  checkpointFingerprint,
  keyIdOf,
  privateKeyFrom,
  publicKeyFromRaw,
  rawPublicKey,
  signCheckpoint,
  verifyCheckpointSignature,
  type CheckpointBody,
} from './checkpoint-signature';

describe('checkpoint signature', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const body: CheckpointBody = {
    treeSize: '42',
    rootHash: 'ab'.repeat(32),
    issuedAt: '2026-12-01T00:00:00.000Z',
    keyId: keyIdOf(publicKey),
  };

  it('signs the canonical bytes with their type, members sorted', () => {
    expect(checkpointBytes(body).toString('utf8')).toBe(
      `{"issuedAt":"2026-12-01T00:00:00.000Z","keyId":"${body.keyId}","rootHash":"${'ab'.repeat(32)}","treeSize":"42","type":"simpul-ledger-checkpoint/v1"}`,
    );
  });

  it('verifies with the published raw public key, and refuses any changed member', () => {
    const signature = signCheckpoint(body, privateKey);
    const published = publicKeyFromRaw(rawPublicKey(publicKey).toString('base64'));
    expect(verifyCheckpointSignature(body, signature, published)).toBe(true);
    for (const changed of [
      { ...body, treeSize: '43' },
      { ...body, rootHash: 'cd'.repeat(32) },
      { ...body, issuedAt: '2026-12-01T00:00:00.001Z' },
      { ...body, keyId: '0'.repeat(16) },
    ]) {
      expect(verifyCheckpointSignature(changed, signature, published)).toBe(false);
    }
    expect(verifyCheckpointSignature(body, 'not base64!', published)).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyCheckpointSignature(body, signature, other)).toBe(false);
  });

  it('reads private keys as PEM or base64 DER', () => {
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const signature = signCheckpoint(body, privateKeyFrom(pem));
    expect(signCheckpoint(body, privateKeyFrom(der))).toBe(signature);
    expect(keyIdOf(publicKey)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('fingerprints the signed bytes in groups of four hex characters', () => {
    const fingerprint = checkpointFingerprint(body);
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(fingerprint.replace(/ /g, '')).toBe(
      createHash('sha256').update(checkpointBytes(body)).digest('hex'),
    );
    expect(checkpointFingerprint({ ...body, treeSize: '43' })).not.toBe(fingerprint);
  });
});
