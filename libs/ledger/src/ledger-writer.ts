import { Injectable } from '@nestjs/common';
import { entryHash, hashedEntryOf, noteDigest, payloadDigest } from '@simpul/ledger-format';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import type { HandoffAction } from './handoff-action';
import { LedgerRepository } from './ledger.repository';

/** Payloads carry ids, codes and counts only: never personal data (the ledger is exported). */
export type LedgerPayload = Record<string, string | number | boolean | null | string[]>;

export interface LedgerEntryDraft {
  action: HandoffAction;
  /** null for what the system did (delivery, escalation) */
  actorId: string | null;
  fromUnitId: string | null;
  toUnitId: string | null;
  caseId: string | null;
  referralId: string | null;
  alertId?: string | null;
  /** Free text shown on timelines; stored in handoff_note, only its digest goes on the ledger. */
  note?: string | null;
  payload: LedgerPayload;
}

/**
 * Appends entries to the hash chain. Call it as the LAST step of the use case's transaction: it
 * locks the chain head, so every other append waits until this transaction commits. That lock is
 * what makes seq gapless and the chain a total order (docs/architecture.md, "The ledger").
 *
 * Every append in the hub queues for that one lock, so it is held for as little as possible: one
 * round trip to read the head, one statement that writes everything else, then COMMIT. Each
 * further round trip would also wait for the event loop of a busy Node process while all other
 * appends wait for it (docs/performance.md).
 */
@Injectable()
export class LedgerWriter {
  constructor(private readonly ledger: LedgerRepository) {}

  /** Appends in the running transaction (the use case's); refuses to run outside one. */
  async append(drafts: LedgerEntryDraft[]): Promise<LedgerEntryEntity[]> {
    if (drafts.length === 0) return [];
    const head = await this.ledger.lockHead();
    // Taken under the lock, so `at` never decreases along the chain.
    const at = new Date();
    let seq = BigInt(head.nextSeq);
    let prevHash = head.lastHash;
    const entries = drafts.map((draft) => {
      const entry = this.seal(draft, (seq++).toString(), at, prevHash);
      prevHash = entry.entryHash;
      return entry;
    });
    const notes = drafts.flatMap((draft, i) =>
      draft.note ? [{ seq: entries[i].seq, text: draft.note }] : [],
    );
    await this.ledger.write(entries, notes, seq.toString());
    return entries;
  }

  private seal(
    draft: LedgerEntryDraft,
    seq: string,
    at: Date,
    prevHash: string,
  ): LedgerEntryEntity {
    const entry = new LedgerEntryEntity();
    entry.seq = seq;
    entry.at = at;
    entry.action = draft.action;
    entry.actorId = draft.actorId;
    entry.fromUnitId = draft.fromUnitId;
    entry.toUnitId = draft.toUnitId;
    entry.caseId = draft.caseId;
    entry.referralId = draft.referralId;
    entry.alertId = draft.alertId ?? null;
    // An empty note is no note: its digest would only prove that nothing was said.
    entry.noteDigest = draft.note ? noteDigest(draft.note) : null;
    entry.payload = { ...draft.payload };
    entry.payloadDigest = payloadDigest(entry.payload);
    entry.prevHash = prevHash;
    entry.entryHash = entryHash(prevHash, hashedEntryOf(entry));
    return entry;
  }
}
