import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  GENESIS_PREV_HASH,
  leafHash,
  MerkleAccumulator,
  publicKeyFromRaw,
  verifyChain,
  verifyCheckpointSignature,
  type StoredEntry,
} from '@simpul/ledger-format';
import { LedgerSigningKeys } from '../checkpoints/ledger-signing-keys';
import { LedgerTree } from '../tree/ledger-tree';

/** Entries read per statement: bounds memory whatever the ledger's size. */
const PAGE = 5000;

export interface IntegrityVerdict {
  ok: boolean;
  checkedEntries: number;
  checkedCheckpoints: number;
  /** The first seq that is wrong or missing, when the failure concerns an entry. */
  firstBadSeq: string | null;
  reason: string | null;
}

interface EntryRow {
  seq: string;
  at: Date;
  action: string;
  actor_id: string | null;
  from_unit_id: string | null;
  to_unit_id: string | null;
  case_id: string | null;
  referral_id: string | null;
  alert_id: string | null;
  note_digest: string | null;
  payload: Record<string, unknown>;
  payload_digest: string;
  prev_hash: string;
  entry_hash: string;
}

class Broken extends Error {
  constructor(
    readonly seq: string | null,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * ADMIN's verifyLedger, run in the worker: the checks an offline verifier makes, over the whole
 * stored ledger, plus what only the hub can compare — the chain head's count and the leaves the
 * Merkle tree recorded when each entry was sealed. Detects an edited, deleted, swapped, truncated
 * or inserted entry, whether or not the chain was recomputed after it (docs/ledger-format.md,
 * "verifyLedger"). Reads page by page, holds O(log n) of the tree.
 */
@Injectable()
export class LedgerIntegrityCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: LedgerTree,
    private readonly keys: LedgerSigningKeys,
  ) {}

  async run(): Promise<IntegrityVerdict> {
    let checkedEntries = 0;
    let checkedCheckpoints = 0;
    try {
      const [{ next_seq: headCount }] = await this.dataSource.query<{ next_seq: string }[]>(
        'SELECT next_seq::text AS next_seq FROM ledger_head WHERE id = 1',
      );
      const checkpoints = await this.tree.allCheckpoints();
      for (const checkpoint of checkpoints) {
        const key = this.keys.publishedKeys().keys.find((k) => k.keyId === checkpoint.keyId);
        const signed =
          key &&
          verifyCheckpointSignature(
            checkpoint,
            checkpoint.signature,
            publicKeyFromRaw(key.publicKey),
          );
        if (!signed) {
          throw new Broken(
            null,
            `the checkpoint over ${checkpoint.treeSize} entries issued ${checkpoint.issuedAt} does not verify under the published keys`,
          );
        }
      }
      const roots = new Map<number, string[]>();
      for (const c of checkpoints) {
        roots.set(Number(c.treeSize), [...(roots.get(Number(c.treeSize)) ?? []), c.rootHash]);
      }
      const accumulator = new MerkleAccumulator();
      let prevHash = GENESIS_PREV_HASH;
      for (;;) {
        const rows = await this.dataSource.query<EntryRow[]>(
          `SELECT seq::text AS seq, at, action, actor_id, from_unit_id, to_unit_id, case_id,
                  referral_id, alert_id, note_digest, payload, payload_digest, prev_hash, entry_hash
             FROM ledger_entry WHERE seq >= $1 ORDER BY seq LIMIT ${PAGE}`,
          [String(checkedEntries)],
        );
        if (rows.length === 0) break;
        const recorded = await this.recordedLeaves(checkedEntries, checkedEntries + rows.length);
        for (const row of rows) {
          const expected = String(checkedEntries);
          if (row.seq !== expected) {
            throw new Broken(
              expected,
              `seq ${expected} is missing (the next entry is seq ${row.seq})`,
            );
          }
          const verdict = verifyChain([storedEntryOf(row)], { prevHash });
          if (!verdict.ok) throw new Broken(verdict.seq, verdict.reason);
          const leaf = leafHash(row.entry_hash);
          const sealedLeaf = recorded.get(checkedEntries);
          if (sealedLeaf && !sealedLeaf.equals(leaf)) {
            throw new Broken(
              row.seq,
              'entryHash differs from the one the Merkle tree recorded when the entry was sealed: the entry was changed and the chain recomputed after it',
            );
          }
          accumulator.appendLeaf(leaf);
          prevHash = row.entry_hash;
          checkedEntries++;
          const signedRoots = roots.get(checkedEntries);
          if (signedRoots) {
            const root = accumulator.root().toString('hex');
            if (signedRoots.some((signed) => signed !== root)) {
              throw new Broken(
                null,
                `the first ${checkedEntries} entries are not the ones a signed checkpoint covers (Merkle root differs)`,
              );
            }
            checkedCheckpoints += signedRoots.length;
          }
        }
      }
      const head = Number(headCount);
      if (checkedEntries < head) {
        throw new Broken(
          String(checkedEntries),
          `the ledger ends at seq ${checkedEntries - 1} but the chain head counts ${head} sealed entries: seq ${checkedEntries} onwards are missing`,
        );
      }
      if (checkedEntries > head) {
        throw new Broken(
          String(head),
          `entries from seq ${head} on are beyond the chain head (${head} sealed): the sequencer never sealed them`,
        );
      }
      const largest = Math.max(0, ...roots.keys());
      if (largest > checkedEntries) {
        throw new Broken(
          String(checkedEntries),
          `a signed checkpoint covers ${largest} entries but the ledger holds ${checkedEntries}`,
        );
      }
      return { ok: true, checkedEntries, checkedCheckpoints, firstBadSeq: null, reason: null };
    } catch (error) {
      if (!(error instanceof Broken)) throw error;
      return {
        ok: false,
        checkedEntries,
        checkedCheckpoints,
        firstBadSeq: error.seq,
        reason: error.reason,
      };
    }
  }

  /** The leaves merkle_node recorded for seqs [from, to), by index. */
  private async recordedLeaves(from: number, to: number): Promise<Map<number, Buffer>> {
    const rows = await this.dataSource.query<{ idx: string; hash: Buffer }[]>(
      'SELECT idx::text AS idx, hash FROM merkle_node WHERE level = 0 AND idx >= $1 AND idx < $2',
      [String(from), String(to)],
    );
    return new Map(rows.map((row) => [Number(row.idx), row.hash]));
  }
}

function storedEntryOf(row: EntryRow): StoredEntry {
  return {
    seq: row.seq,
    at: row.at,
    action: row.action,
    actorId: row.actor_id,
    fromUnitId: row.from_unit_id,
    toUnitId: row.to_unit_id,
    caseId: row.case_id,
    referralId: row.referral_id,
    alertId: row.alert_id,
    noteDigest: row.note_digest,
    payload: row.payload,
    payloadDigest: row.payload_digest,
    prevHash: row.prev_hash,
    entryHash: row.entry_hash,
  };
}
