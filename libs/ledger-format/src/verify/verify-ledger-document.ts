import type { LedgerDocument, PublishedKeys } from './ledger-document';
import { LedgerVerification, type Verdict } from './ledger-verification';

export type { Verdict } from './ledger-verification';

/**
 * Checks a ledger export, range export or case dossier with nothing but the published keys:
 * every entry's hashes, the chain between consecutive entries, the checkpoint's signature, the
 * Merkle root (whole ledger) or each inclusion proof (range, dossier), and any consistency proof.
 * Stops at the first failure and names it. (LedgerVerification does the same an entry at a time.)
 */
export function verifyLedgerDocument(doc: LedgerDocument, keys: PublishedKeys): Verdict {
  const verification = new LedgerVerification(doc, keys);
  for (const entry of doc.entries) verification.add(entry);
  return verification.finish(doc.declaredCount);
}
