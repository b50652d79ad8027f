import type { CheckpointBody } from '../checkpoint/checkpoint-signature';

/**
 * What Simpul hands an auditor (docs/ledger-format.md, "Exports"): entries exactly as hashed, the
 * signed checkpoint they are checked against, and — when the document is not the whole ledger —
 * an inclusion proof per entry. Nothing in it is personal data.
 */
export interface ExportedEntry {
  seq: string;
  at: string;
  action: string;
  actor: string | null;
  fromUnit: string | null;
  toUnit: string | null;
  caseId: string | null;
  referralId: string | null;
  alertId: string | null;
  noteDigest: string | null;
  payload: Record<string, unknown>;
  payloadDigest: string;
  prevHash: string;
  entryHash: string;
  /** Present in dossiers and range exports: the entry's audit path in the checkpoint's tree. */
  inclusionProof?: { treeSize: string; auditPath: string[] };
}

export interface SignedCheckpoint extends CheckpointBody {
  /** base64 Ed25519 signature over checkpointBytes(body) */
  signature: string;
}

/** A consistency proof between two checkpoints, both carried in the document. */
export interface ExportedConsistency {
  from: SignedCheckpoint;
  to: SignedCheckpoint;
  path: string[];
}

export interface LedgerDocument {
  /** 'ledger': entries from seq 0 (the root is rebuilt); 'range' and 'dossier': proofs per entry */
  kind: 'ledger' | 'range' | 'dossier';
  checkpoint: SignedCheckpoint;
  entries: ExportedEntry[];
  consistency?: ExportedConsistency[];
  /** count announced by the export's trailer; a shorter document was cut */
  declaredCount?: number;
  /**
   * A range export's bounds from its header: it holds exactly seq from … to−1, so an entry left
   * out of the middle or the end is found even where every remaining one proves its inclusion.
   */
  range?: { from: number; to: number };
}

/** What a document says before its entries: a ledger export's header line, a dossier's head. */
export type LedgerDocumentHead = Pick<
  LedgerDocument,
  'kind' | 'checkpoint' | 'consistency' | 'range'
>;

/** /.well-known/simpul-ledger-keys.json */
export interface PublishedKeys {
  keys: { keyId: string; algorithm: 'Ed25519'; publicKey: string; status: 'current' | 'retired' }[];
}
