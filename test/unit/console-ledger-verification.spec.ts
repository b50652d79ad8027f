import {
  canonicalJson as hubCanonicalJson,
  checkpointFingerprint as hubFingerprint,
  entryHash as hubEntryHash,
  GENESIS_PREV_HASH,
  hashedEntryOf,
  inclusionProof,
  inMemoryNodes,
  leafHash as hubLeafHash,
  noteDigest,
  payloadDigest as hubPayloadDigest,
  signCheckpoint,
  treeRoot,
  type HashedEntry,
  type PublishedKeys,
  type SignedCheckpoint,
} from '@simpul/ledger-format';
import { canonicalJson } from '../../apps/console/src/ledger/canonical-json';
import {
  checkpointFingerprint,
  checkpointSignatureProblem,
} from '../../apps/console/src/ledger/checkpoint-signature';
import { entryHash, payloadDigest } from '../../apps/console/src/ledger/entry-hash';
import { leafHash, rootFromInclusionProof } from '../../apps/console/src/ledger/merkle-inclusion';
import {
  verifyCaseLedger,
  type InclusionProofFromApi,
  type TimelineEntryToVerify,
} from '../../apps/console/src/ledger/verify-case-ledger';
import { fromHex64, toHex } from '../../apps/console/src/ledger/web-digest';
import { fixtureSigningKey } from '../support/ledger-fixtures';

/**
 * The console's browser ledger checks (apps/console/src/ledger, WebCrypto) against the hub's own
 * format code (libs/ledger-format, node:crypto) on the same values: two implementations of
 * docs/ledger-format.md that must agree byte for byte, and a verdict that names a tampered entry.
 */
const CASE = '3a7c9e1b-5d2f-4a86-b4c3-1e9f8d7a6b50';
const OTHER_CASE = '5b0e6f2a-9c1d-4e3f-8a7b-6c5d4e3f2a1b';
const UNIT_A = '0b8e1d52-7c3a-4f69-8e2d-5a4c3b2f1e07';
const UNIT_B = '9d2f4e61-3b5a-4c78-9f1e-6b7a8c9d0e12';
const OFFICER = '6f1c2a9e-4b7d-4c3e-9a51-2d8e7f0b1c34';
const NOTE = 'Korban meminta penerjemah bahasa Khmer — “segera”.';

const PAYLOADS: Record<string, unknown>[] = [
  { services: ['REPATRIATION', 'SHELTER'], priority: 'URGENT' },
  { attempt: 1 },
  { rejectionReason: 'NOT_MANDATE' },
  { reference: 'KSS-2026-000123', bounces: 4, threshold: 3 },
  { ratio: 0.1, big: 1e21, small: 5e-7, negative: -0, flags: [true, false, null] },
  { ünïcode: 'Bahasa — ✓ 😀', '\u007f': 'del', a: '\u0000\b\t\n\f\r"\\/\u2028' },
  { z: 1, A: 2, é: 3, '😀': 4, ﬀ: 5, '\u{10000}': 6 },
];

interface LedgerEntry {
  hashed: HashedEntry;
  payload: Record<string, unknown>;
  note: string | null;
  prevHash: string;
  entryHash: string;
}

/** A ledger of `n` entries hashed and chained by the hub's code; every third of another case. */
function buildLedger(n: number): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  let prev = GENESIS_PREV_HASH;
  for (let i = 0; i < n; i++) {
    const payload = PAYLOADS[i % PAYLOADS.length];
    const note = i % 4 === 1 ? `${NOTE} ${i}` : null;
    const hashed = hashedEntryOf({
      seq: String(i),
      at: new Date(Date.UTC(2026, 2, 2, 1, 30, 0, i * 7)),
      action: i % 2 ? 'REFERRAL_REJECTED' : 'REFERRAL_SENT',
      actorId: i % 4 === 3 ? null : OFFICER,
      fromUnitId: UNIT_A,
      toUnitId: i % 5 === 4 ? null : UNIT_B,
      caseId: i % 3 === 2 ? OTHER_CASE : CASE,
      referralId: null,
      alertId: null,
      noteDigest: note ? noteDigest(note) : null,
      payloadDigest: hubPayloadDigest(payload),
    });
    const hash = hubEntryHash(prev, hashed);
    out.push({ hashed, payload, note, prevHash: prev, entryHash: hash });
    prev = hash;
  }
  return out;
}

/** The entry as handoffTimeline returns it to an auditor. */
function asTimelineEntry(e: LedgerEntry): TimelineEntryToVerify {
  return {
    seq: e.hashed.seq,
    at: e.hashed.at,
    action: e.hashed.action,
    prevHash: e.prevHash,
    entryHash: e.entryHash,
    note: e.note,
    actorId: e.hashed.actor,
    fromUnitId: e.hashed.fromUnit,
    toUnitId: e.hashed.toUnit,
    hashed: { ...e.hashed, payload: hubCanonicalJson(e.payload) },
  };
}

describe('console ledger checks agree with libs/ledger-format', () => {
  it('canonicalises JSON exactly as the hub does', () => {
    for (const value of [...PAYLOADS, [1, 'a', { b: [] }], 'x', 0, null, true, {}]) {
      expect(canonicalJson(value)).toBe(hubCanonicalJson(value));
    }
    expect(() => canonicalJson({ bad: '\uD800' })).toThrow();
    expect(() => canonicalJson({ bad: Number.NaN })).toThrow();
  });

  it('recomputes payload digests and entry hashes, the worked example of the doc included', async () => {
    for (const entry of buildLedger(24)) {
      expect(await payloadDigest(entry.payload)).toBe(entry.hashed.payloadDigest);
      expect(await entryHash(entry.prevHash, entry.hashed)).toBe(entry.entryHash);
    }
    // docs/ledger-format.md, "Worked example", entry 1.
    const hashed: HashedEntry = {
      seq: '1',
      at: '2026-03-02T01:30:00.412Z',
      action: 'REFERRAL_DELIVERED',
      actor: null,
      fromUnit: UNIT_A,
      toUnit: UNIT_B,
      caseId: CASE,
      referralId: 'c4e8a2f6-1b3d-4e5a-8c7b-9d0e1f2a3b4c',
      alertId: null,
      noteDigest: null,
      payloadDigest: await payloadDigest({ attempt: 1 }),
    };
    expect(hashed.payloadDigest).toBe(
      '52b9d52738b411875c8fa0233e4e2cabe4579f9609b84bfc58671eae2055df4e',
    );
    expect(
      await entryHash('3e1adfd3f410ea4f91d1c0caf886edf000d222bf8a8150783f873854d5a15cfb', hashed),
    ).toBe('f5f67105246e8e1a09bdde83a0efb36de21173b2c5962b20f93cce11e2aad6fb');
  });

  it('folds every inclusion proof the hub makes into the root the hub computes', async () => {
    const hashes = buildLedger(37).map((e) => e.entryHash);
    for (let size = 1; size <= hashes.length; size++) {
      const lookup = inMemoryNodes(hashes.slice(0, size));
      const root = toHex(treeRoot(size, lookup));
      for (let seq = 0; seq < size; seq++) {
        expect(toHex(await leafHash(hashes[seq]))).toBe(toHex(hubLeafHash(hashes[seq])));
        const path = inclusionProof(seq, size, lookup).map((d) => new Uint8Array(d));
        const folded = await rootFromInclusionProof(seq, size, await leafHash(hashes[seq]), path);
        expect([size, seq, folded && toHex(folded)]).toEqual([size, seq, root]);
      }
    }
    const lookup = inMemoryNodes(hashes.slice(0, 5));
    const path = inclusionProof(2, 5, lookup).map((d) => new Uint8Array(d));
    expect(await rootFromInclusionProof(2, 5, await leafHash(hashes[2]), path.slice(1))).toBeNull();
    expect(await rootFromInclusionProof(5, 5, await leafHash(hashes[2]), path)).toBeNull();
  });

  it('verifies the hub’s Ed25519 checkpoint signatures with WebCrypto and prints the same fingerprint', async () => {
    const { keys, sign } = signer();
    const checkpoint = sign(7, 'ab'.repeat(32));
    expect(await checkpointFingerprint(checkpoint)).toBe(hubFingerprint(checkpoint));
    expect(await checkpointSignatureProblem(checkpoint, keys)).toBeNull();
    expect(await checkpointSignatureProblem({ ...checkpoint, treeSize: '8' }, keys)).toBe(
      'BAD_SIGNATURE',
    );
    expect(await checkpointSignatureProblem(checkpoint, signer().keys)).toBe('UNKNOWN_KEY');
    const other = signer();
    // A published entry whose key is not the one its id names is refused.
    const swapped: PublishedKeys = {
      keys: [{ ...other.keys.keys[0], keyId: checkpoint.keyId }],
    };
    expect(await checkpointSignatureProblem(checkpoint, swapped)).toBe('BAD_KEY');
  });
});

describe('verifyCaseLedger', () => {
  const ledger = buildLedger(40);
  const hashes = ledger.map((e) => e.entryHash);
  const caseEntries = ledger.filter((e) => e.hashed.caseId === CASE);
  const { keys, sign } = signer();
  const checkpointOver = (size: number) =>
    sign(size, toHex(treeRoot(size, inMemoryNodes(hashes.slice(0, size)))));
  const proofs = (treeSizeSigned: number) => ({
    asked: [] as string[],
    inclusionProof(seq: string, treeSize: string): Promise<InclusionProofFromApi> {
      this.asked.push(seq);
      expect(treeSize).toBe(String(treeSizeSigned));
      const lookup = inMemoryNodes(hashes.slice(0, treeSizeSigned));
      return Promise.resolve({
        seq,
        treeSize,
        auditPath: inclusionProof(Number(seq), treeSizeSigned, lookup).map((d) => toHex(d)),
      });
    },
  });

  it('verifies every entry of the case against one signed checkpoint, with progress', async () => {
    const progress: number[] = [];
    const verdict = await verifyCaseLedger({
      entries: caseEntries.map(asTimelineEntry),
      checkpoint: checkpointOver(40),
      keys,
      ...proofs(40),
      onProgress: (checked) => progress.push(checked),
    });
    expect(verdict).toEqual({
      ok: true,
      verified: caseEntries.length,
      uncovered: 0,
      checkpoint: expect.objectContaining({ treeSize: '40', keyId: keys.keys[0].keyId }),
    });
    expect(progress).toEqual(caseEntries.map((_, i) => i + 1));
  });

  it('counts the entries a checkpoint does not cover yet, and asks no proof for them', async () => {
    const source = proofs(30);
    const verdict = await verifyCaseLedger({
      entries: caseEntries.map(asTimelineEntry),
      checkpoint: checkpointOver(30),
      keys,
      inclusionProof: source.inclusionProof.bind(source),
    });
    const late = caseEntries.filter((e) => Number(e.hashed.seq) >= 30).length;
    expect(verdict).toMatchObject({
      ok: true,
      verified: caseEntries.length - late,
      uncovered: late,
    });
    expect(source.asked.every((seq) => Number(seq) < 30)).toBe(true);
  });

  it('before the first checkpoint: checks every hash, proves no inclusion, and calls nothing failed', async () => {
    const asked: string[] = [];
    const progress: number[] = [];
    const run = (entries: TimelineEntryToVerify[]) =>
      verifyCaseLedger({
        entries,
        checkpoint: null,
        keys,
        inclusionProof: (seq) => {
          asked.push(seq);
          return Promise.reject(new Error('no proof without a checkpoint'));
        },
        onProgress: (checked) => progress.push(checked),
      });
    expect(await run(caseEntries.map(asTimelineEntry))).toEqual({
      ok: true,
      verified: 0,
      uncovered: caseEntries.length,
      checkpoint: null,
    });
    expect(asked).toEqual([]);
    expect(progress).toEqual(caseEntries.map((_, i) => i + 1));
    // An edited entry is still named.
    const entries = caseEntries.map(asTimelineEntry);
    entries[4].hashed = { ...entries[4].hashed!, toUnit: UNIT_A };
    entries[4].toUnitId = UNIT_A;
    expect(await run(entries)).toEqual({
      ok: false,
      entry: { index: 4, seq: entries[4].seq, action: entries[4].action },
      problem: 'ENTRY_HASH',
      checkpoint: null,
    });
    expect(await run([])).toEqual({ ok: true, verified: 0, uncovered: 0, checkpoint: null });
  });

  it('names a tampered entry: a unit changed in the row, as a superuser would', async () => {
    const entries = caseEntries.map(asTimelineEntry);
    const target = entries[5];
    // The row was edited: the timeline shows the new unit, and hashes it as such.
    target.toUnitId = UNIT_A;
    target.hashed = { ...target.hashed!, toUnit: UNIT_A };
    const verdict = await verifyCaseLedger({
      entries,
      checkpoint: checkpointOver(40),
      keys,
      ...proofs(40),
    });
    expect(verdict).toEqual({
      ok: false,
      entry: { index: 5, seq: target.seq, action: target.action },
      problem: 'ENTRY_HASH',
      checkpoint: expect.objectContaining({ treeSize: '40' }),
    });
  });

  it('names an entry whose hashes were all recomputed after an edit: it is not in the signed tree', async () => {
    const entries = caseEntries.map(asTimelineEntry);
    const target = entries[3];
    target.hashed = { ...target.hashed!, action: 'REFERRAL_ACCEPTED' };
    target.action = 'REFERRAL_ACCEPTED';
    target.entryHash = await entryHash(target.prevHash, target.hashed);
    const verdict = await verifyCaseLedger({
      entries,
      checkpoint: checkpointOver(40),
      keys,
      ...proofs(40),
    });
    expect(verdict).toMatchObject({ ok: false, entry: { index: 3 }, problem: 'NOT_INCLUDED' });
  });

  it('names a changed payload, a note that is not the one hashed, and a shown field not hashed', async () => {
    const run = (edit: (entries: TimelineEntryToVerify[]) => void) => {
      const entries = caseEntries.map(asTimelineEntry);
      edit(entries);
      return verifyCaseLedger({ entries, checkpoint: checkpointOver(40), keys, ...proofs(40) });
    };
    expect(
      await run((e) => {
        e[2].hashed = { ...e[2].hashed!, payload: '{"rejectionReason":"DUPLICATE"}' };
      }),
    ).toMatchObject({ entry: { index: 2 }, problem: 'PAYLOAD_DIGEST' });
    const withNote = caseEntries.findIndex((e) => e.note);
    expect(
      await run((e) => {
        e[withNote].note = 'Catatan lain';
      }),
    ).toMatchObject({ entry: { index: withNote }, problem: 'NOTE_DIGEST' });
    expect(
      await run((e) => {
        e[1].fromUnitId = UNIT_B;
      }),
    ).toMatchObject({ entry: { index: 1 }, problem: 'SHOWN_DIFFERS' });
  });

  it('refuses a checkpoint that is not signed by a published key', async () => {
    const checkpoint = checkpointOver(40);
    expect(
      await verifyCaseLedger({
        entries: caseEntries.map(asTimelineEntry),
        checkpoint: { ...checkpoint, rootHash: 'cd'.repeat(32) },
        keys,
        ...proofs(40),
      }),
    ).toEqual({ ok: false, checkpointProblem: 'BAD_SIGNATURE' });
    expect(
      await verifyCaseLedger({
        entries: caseEntries.map(asTimelineEntry),
        checkpoint,
        keys: signer().keys,
        ...proofs(40),
      }),
    ).toEqual({ ok: false, checkpointProblem: 'UNKNOWN_KEY' });
  });
});

/** A fresh Ed25519 key: its published form, and a signer of checkpoints with the hub's code. */
function signer() {
  const key = fixtureSigningKey();
  const sign = (treeSize: number, rootHash: string): SignedCheckpoint => {
    const body = {
      treeSize: String(treeSize),
      rootHash,
      issuedAt: '2026-12-01T00:00:00.000Z',
      keyId: key.keyId,
    };
    return { ...body, signature: signCheckpoint(body, key.privateKey) };
  };
  return { keys: key.published, sign };
}

// fromHex64 is what the verifier decodes proof hashes with; a malformed hash must not decode.
test('hex decoding refuses anything but 64 lowercase hex characters', () => {
  expect(() => fromHex64('AB'.repeat(32))).toThrow();
  expect(toHex(fromHex64('0f'.repeat(32)))).toBe('0f'.repeat(32));
});
