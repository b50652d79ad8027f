import type { SignedCheckpoint } from '@simpul/ledger-format';

/** A stored checkpoint (ledger_checkpoint row) in the exported form of the ledger format. */
export type StoredCheckpoint = SignedCheckpoint;

export interface CheckpointRow {
  tree_size: string;
  root_hash: string;
  issued_at: Date;
  key_id: string;
  signature: string;
}

export const CHECKPOINT_COLUMNS = 'tree_size::text, root_hash, issued_at, key_id, signature';

export function toStoredCheckpoint(row: CheckpointRow): StoredCheckpoint {
  return {
    treeSize: row.tree_size,
    rootHash: row.root_hash,
    issuedAt: row.issued_at.toISOString(),
    keyId: row.key_id,
    signature: row.signature,
  };
}
