import {
  FIXTURE_CASE_ID as CASE,
  fixtureChain as chain,
  fixtureCheckpoint,
  fixtureSigningKey,
} from '../../../../test/support/ledger-fixtures';
import { entryHash, payloadDigest } from '../ledger-hash';
import { inMemoryNodes } from '../merkle/merkle-node-store';
import { consistencyProof, inclusionProof } from '../merkle/merkle-proof';
import type { ExportedEntry, LedgerDocument } from './ledger-document';
import { verifyLedgerDocument } from './verify-ledger-document';

const key = fixtureSigningKey();
const keys = key.published;
const checkpointOf = (entries: ExportedEntry[], treeSize = entries.length) =>
  fixtureCheckpoint(entries, key, treeSize);

const ledger = (
  entries: ExportedEntry[],
  checkpoint = checkpointOf(chain(20)),
): LedgerDocument => ({
  kind: 'ledger',
  checkpoint,
  entries,
});

describe('verifyLedgerDocument', () => {
  it('accepts an intact ledger and says what it verified', () => {
    const verdict = verifyLedgerDocument(ledger(chain(20)), keys);
    expect(verdict.ok).toBe(true);
    expect(verdict.verified.join('\n')).toMatch(/signed by key/);
    expect(verdict.verified.join('\n')).toMatch(
      /Merkle root of entries 0…19 equals the signed root/,
    );
  });

  it('names an edited entry', () => {
    const entries = chain(20);
    entries[7] = { ...entries[7], action: 'REFERRAL_ACCEPTED' };
    expect(verifyLedgerDocument(ledger(entries), keys).failure).toEqual({
      seq: '7',
      reason: 'entryHash does not recompute',
    });
  });

  it('hashes the time as shown: the same instant written another way, or a date rolled over, does not verify', () => {
    for (const at of ['2026-03-02T01:30:00.007+00:00', '2026-02-30T01:30:00.007Z']) {
      const entries = chain(20);
      // Entry 7's at is 2026-03-02T01:30:00.007Z; each of these is read as an instant near it.
      entries[7] = { ...entries[7], at };
      expect(verifyLedgerDocument(ledger(entries), keys).failure).toEqual({
        seq: '7',
        reason: 'entryHash does not recompute',
      });
    }
  });

  it('names an edited payload', () => {
    const entries = chain(20);
    entries[4] = { ...entries[4], payload: { services: ['REPATRIATION'], attempt: 4 } };
    expect(verifyLedgerDocument(ledger(entries), keys).failure?.seq).toBe('4');
  });

  it('finds a deleted entry, two swapped entries, a truncated tail and a forged insert', () => {
    const deleted = chain(20).filter((e) => e.seq !== '9');
    // The missing seq itself is named, not the entry after the hole.
    expect(verifyLedgerDocument(ledger(deleted), keys).failure).toEqual({
      seq: '9',
      reason: 'seq 9 is missing or out of place (entries must run 0, 1, 2, …)',
    });

    const swapped = chain(20);
    [swapped[5], swapped[6]] = [swapped[6], swapped[5]];
    expect(verifyLedgerDocument(ledger(swapped), keys).ok).toBe(false);

    const truncated = chain(20).slice(0, 15);
    expect(verifyLedgerDocument(ledger(truncated), keys).failure?.reason).toMatch(
      /covers 20 entries/,
    );
    expect(verifyLedgerDocument(ledger(truncated), keys).failure?.seq).toBe('15');

    const forged = chain(20);
    forged.splice(3, 0, { ...forged[3], payload: { forged: true } });
    expect(verifyLedgerDocument(ledger(forged), keys).failure?.seq).toBe('3');
  });

  it('finds a chain rebuilt after a change: the signed root differs', () => {
    const original = chain(20);
    const rebuilt = chain(20).map((e) => ({ ...e }));
    // Rebuild every hash from seq 5 on, as a superuser with the hashing code could.
    rebuilt[5].payload = { services: ['NONE'], attempt: 5 };
    let prev = rebuilt[4].entryHash;
    for (const entry of rebuilt.slice(5)) {
      entry.payloadDigest = payloadDigest(entry.payload);
      entry.prevHash = prev;
      entry.entryHash = entryHash(prev, entry);
      prev = entry.entryHash;
    }
    const verdict = verifyLedgerDocument(ledger(rebuilt, checkpointOf(original)), keys);
    expect(verdict.failure?.reason).toMatch(/not the ones the checkpoint signed/);
  });

  it('refuses a checkpoint that is not signed by a published key, or whose root was changed', () => {
    const checkpoint = checkpointOf(chain(20));
    expect(
      verifyLedgerDocument(ledger(chain(20), { ...checkpoint, rootHash: 'ab'.repeat(32) }), keys)
        .failure?.reason,
    ).toBe('checkpoint: the signature does not verify');
    expect(verifyLedgerDocument(ledger(chain(20)), { keys: [] }).failure?.reason).toMatch(
      /not among the published keys/,
    );
  });

  it('checks a dossier entry by entry against the signed tree', () => {
    const entries = chain(20);
    const lookup = inMemoryNodes(entries.map((e) => e.entryHash));
    const ofCase = entries
      .filter((e) => e.caseId === CASE)
      .map((e) => ({
        ...e,
        inclusionProof: {
          treeSize: '20',
          auditPath: inclusionProof(Number(e.seq), 20, lookup).map((d) => d.toString('hex')),
        },
      }));
    const dossier: LedgerDocument = {
      kind: 'dossier',
      checkpoint: checkpointOf(entries),
      entries: ofCase,
    };
    expect(verifyLedgerDocument(dossier, keys)).toMatchObject({ ok: true });

    const edited = ofCase.map((e) => ({ ...e }));
    edited[2].inclusionProof.auditPath[0] = 'cd'.repeat(32);
    expect(verifyLedgerDocument({ ...dossier, entries: edited }, keys).failure).toMatchObject({
      seq: ofCase[2].seq,
    });
  });

  it('finds an entry left out of a range export, or its tail cut, though every other entry proves its inclusion', () => {
    const entries = chain(20);
    const lookup = inMemoryNodes(entries.map((e) => e.entryHash));
    const proven = entries.slice(4, 12).map((e) => ({
      ...e,
      inclusionProof: {
        treeSize: '20',
        auditPath: inclusionProof(Number(e.seq), 20, lookup).map((d) => d.toString('hex')),
      },
    }));
    const range = (kept: ExportedEntry[]): LedgerDocument => ({
      kind: 'range',
      checkpoint: checkpointOf(entries),
      range: { from: 4, to: 12 },
      entries: kept,
      declaredCount: kept.length,
    });
    expect(verifyLedgerDocument(range(proven), keys)).toMatchObject({ ok: true });
    expect(verifyLedgerDocument(range(proven.filter((e) => e.seq !== '7')), keys).failure).toEqual({
      seq: '7',
      reason: 'seq 7 is missing or out of place (a range from 4 to 12 holds seq 4 … 11)',
    });
    expect(verifyLedgerDocument(range(proven.slice(0, 5)), keys).failure).toEqual({
      seq: '9',
      reason: 'seq 9 onwards are missing (a range from 4 to 12 holds seq 4 … 11)',
    });
  });

  it('checks a consistency proof between two signed checkpoints', () => {
    const entries = chain(20);
    const lookup = inMemoryNodes(entries.map((e) => e.entryHash));
    const older = checkpointOf(entries, 13);
    const newer = checkpointOf(entries, 20);
    const path = consistencyProof(13, 20, lookup).map((d) => d.toString('hex'));
    const doc = { ...ledger(entries, newer), consistency: [{ from: older, to: newer, path }] };
    expect(verifyLedgerDocument(doc, keys).verified.join('\n')).toMatch(/extends the one of 13/);
    const forkedOlder = checkpointOf(
      chain(13).map((e, i) => (i === 0 ? e : e)),
      13,
    );
    const bad = {
      ...doc,
      consistency: [{ from: { ...forkedOlder, rootHash: 'ab'.repeat(32) }, to: newer, path }],
    };
    expect(verifyLedgerDocument(bad, keys).ok).toBe(false);
  });
});
