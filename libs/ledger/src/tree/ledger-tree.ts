import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import {
  GENESIS_PREV_HASH,
  leafHash,
  nodesForAppend,
  rangeBlocks,
  signCheckpoint,
  treeRoot,
} from '@simpul/ledger-format';
import { TransactionHost } from '@simpul/database';
import {
  CHECKPOINT_COLUMNS,
  toStoredCheckpoint,
  type CheckpointRow,
  type StoredCheckpoint,
} from '../checkpoints/ledger-checkpoint';
import { LedgerSigningKeys } from '../checkpoints/ledger-signing-keys';
import { MerkleNodeStore } from './merkle-node.store';

/**
 * One writer at a time extends the tree and signs checkpoints: a transaction-level advisory lock
 * (classid 'SIMP', objid 3; the sequencer's is objid 1). The worker tries for it and skips a turn
 * when another holds it; an on-demand checkpoint waits for it.
 */
const TREE_LOCK_SQL = 'SELECT pg_advisory_xact_lock(1397312848, 3)';
const TREE_TRY_LOCK_SQL = 'SELECT pg_try_advisory_xact_lock(1397312848, 3) AS locked';

/** Leaves added per transaction at most: bounds the time the lock is held. */
export const TREE_EXTEND_BATCH = 10_000;

/**
 * The RFC 9162 tree over sealed entries and the checkpoints signed over it (docs/ledger-format.md,
 * "Checkpoints"). The tree grows only by appending the perfect subtrees each new leaf completes;
 * a checkpoint's root is folded from O(log n) stored nodes.
 */
@Injectable()
export class LedgerTree {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: MerkleNodeStore,
    private readonly keys: LedgerSigningKeys,
  ) {}

  /** How many entries the stored tree holds. */
  size(): Promise<number> {
    return this.store.size();
  }

  /** The most recent checkpoint, or null before the first. */
  async latestCheckpoint(): Promise<StoredCheckpoint | null> {
    const [row] = await this.tx.manager.query<CheckpointRow[]>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM ledger_checkpoint ORDER BY id DESC LIMIT 1`,
    );
    return row ? toStoredCheckpoint(row) : null;
  }

  /** The latest checkpoint over exactly treeSize entries, or null. */
  async checkpointOfSize(treeSize: number): Promise<StoredCheckpoint | null> {
    const [row] = await this.tx.manager.query<CheckpointRow[]>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM ledger_checkpoint WHERE tree_size = $1
        ORDER BY id DESC LIMIT 1`,
      [String(treeSize)],
    );
    return row ? toStoredCheckpoint(row) : null;
  }

  /** Every checkpoint in the order it was issued (the verification run checks them all). */
  async allCheckpoints(): Promise<StoredCheckpoint[]> {
    const rows = await this.tx.manager.query<CheckpointRow[]>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM ledger_checkpoint ORDER BY id`,
    );
    return rows.map(toStoredCheckpoint);
  }

  /**
   * The worker's turn: unless another process holds the tree, extend it by up to
   * TREE_EXTEND_BATCH sealed entries and sign a checkpoint when one is due. Returns the leaves
   * added (a full batch: call again at once).
   */
  async tick(now = new Date()): Promise<number> {
    return this.tx.run(async () => {
      const [{ locked }] = await this.tx.manager.query<{ locked: boolean }[]>(TREE_TRY_LOCK_SQL);
      if (!locked) return 0;
      const { size, added } = await this.extend(TREE_EXTEND_BATCH);
      const last = await this.latestCheckpoint();
      if (this.checkpointDue(last, size, now)) await this.sign(size, now);
      return added;
    });
  }

  /**
   * On demand (ADMIN's issueCheckpoint, a dossier whose entries the latest checkpoint does not
   * cover yet): waits for the tree, brings it up to every sealed entry and signs over it.
   */
  async issueNow(): Promise<StoredCheckpoint> {
    return this.tx.run(async () => {
      await this.tx.manager.query(TREE_LOCK_SQL);
      let size: number;
      for (;;) {
        const step = await this.extend(TREE_EXTEND_BATCH);
        size = step.size;
        if (step.added < TREE_EXTEND_BATCH) break;
      }
      return this.sign(size, new Date());
    });
  }

  /** The latest checkpoint when it covers the first `treeSize` entries, else a new one. */
  async covering(treeSize: number): Promise<StoredCheckpoint> {
    const latest = await this.latestCheckpoint();
    if (latest && Number(latest.treeSize) >= treeSize) return latest;
    const issued = await this.issueNow();
    if (Number(issued.treeSize) < treeSize) {
      // The entries asked about are not sealed: a caller's bug, not something to sign around.
      throw new Error(`no checkpoint can cover ${treeSize} entries yet`);
    }
    return issued;
  }

  private checkpointDue(last: StoredCheckpoint | null, size: number, now: Date): boolean {
    if (size === 0) return false;
    if (!last) return true;
    const grown = size - Number(last.treeSize);
    if (grown <= 0) return false;
    return (
      grown >= this.config.ledger.checkpointEveryEntries ||
      now.getTime() - Date.parse(last.issuedAt) >= this.config.ledger.checkpointEveryMs
    );
  }

  /**
   * Appends the leaves of sealed entries past the tree's size (at most `limit`) and the perfect
   * subtrees they complete. Needs the tree lock. Reads the entries' hashes by seq — the new ones
   * only — and the O(log n) stored roots the new nodes hang from.
   */
  private async extend(limit: number): Promise<{ size: number; added: number }> {
    const size = await this.store.size();
    const rows = await this.tx.manager.query<
      { seq: string; prev_hash: string; entry_hash: string }[]
    >(
      // Only what the chain head counts as sealed: a row written around the sequencer (by a
      // superuser) never enters the tree. ORDER BY names the table's column: a bare `seq` would
      // be the text alias of the select list and sort "10" before "7".
      `SELECT seq::text AS seq, prev_hash, entry_hash FROM ledger_entry
        WHERE seq >= $1::bigint
          AND seq < LEAST($1::bigint + $2::bigint, (SELECT next_seq FROM ledger_head WHERE id = 1))
        ORDER BY ledger_entry.seq`,
      [String(size), String(limit)],
    );
    if (rows.length === 0) return { size, added: 0 };
    rows.forEach((row, i) => {
      if (Number(row.seq) !== size + i) {
        // Sealed batches commit whole, so a gap here means the ledger was changed underneath.
        throw new Error(`ledger seq ${size + i} is missing; the tree is not extended past it`);
      }
    });
    const lastLeaf = { level: 0, index: size - 1 };
    // One read: the stored roots the new nodes hang from, and the last leaf the links are checked
    // against.
    const lookup =
      size > 0
        ? await this.store.lookup([...rangeBlocks({ start: 0, end: size }), lastLeaf])
        : () => {
            throw new Error('unreachable: an empty tree has no stored nodes');
          };
    assertLinks(rows, size === 0 ? null : lookup(lastLeaf));
    const nodes = nodesForAppend(
      size,
      rows.map((row) => row.entry_hash),
      lookup,
    );
    await this.store.insert(nodes);
    return { size: size + rows.length, added: rows.length };
  }

  /** Signs {treeSize, rootHash, issuedAt, keyId} over the stored tree of `size` and stores it. */
  private async sign(size: number, now: Date): Promise<StoredCheckpoint> {
    const lookup =
      size > 0
        ? await this.store.lookup(rangeBlocks({ start: 0, end: size }))
        : () => {
            throw new Error('unreachable: the empty tree has a fixed root');
          };
    const body = {
      treeSize: String(size),
      rootHash: treeRoot(size, lookup).toString('hex'),
      issuedAt: now.toISOString(),
      keyId: this.keys.keyId,
    };
    const signature = signCheckpoint(body, this.keys.privateKey);
    await this.tx.manager.query(
      `INSERT INTO ledger_checkpoint (tree_size, root_hash, issued_at, key_id, signature)
       VALUES ($1, $2, $3, $4, $5)`,
      [body.treeSize, body.rootHash, now, body.keyId, signature],
    );
    return { ...body, signature };
  }
}

/**
 * The new entries must chain onto the last leaf the tree holds (`lastLeaf`; null for an empty
 * tree, whose first entry starts from the genesis hash) and onto one another. The tree keeps only
 * leaf hashes, so the first new entry's prevHash is checked as a leaf. A chain rewritten and
 * recomputed around the triggers (by a superuser, head moved) would otherwise enter the tree and
 * be signed in the next checkpoint: the hub refuses to sign it, and verifyLedger names where it
 * breaks.
 */
function assertLinks(
  rows: readonly { seq: string; prev_hash: string; entry_hash: string }[],
  lastLeaf: Buffer | null,
): void {
  const [first] = rows;
  const linked =
    lastLeaf === null
      ? first.prev_hash === GENESIS_PREV_HASH
      : lastLeaf.equals(leafHash(first.prev_hash));
  const broken = !linked
    ? first
    : rows.find((row, i) => i > 0 && row.prev_hash !== rows[i - 1].entry_hash);
  if (broken) {
    throw new Error(
      `ledger seq ${broken.seq} does not link to the entry before it; the tree is not extended past it`,
    );
  }
}
