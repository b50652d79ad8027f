import { Field, ObjectType } from '@nestjs/graphql';
import { canonicalJson, type ExportedEntry } from '@simpul/ledger-format';
import type { SealedLedgerEntry } from '../entities/ledger-entry.entity';

/**
 * Exactly what an entry's hash covers, as text (docs/ledger-format.md, "The hash"): with it and
 * the entry's prevHash anyone recomputes entryHash, and with `payload` the payloadDigest.
 */
@ObjectType('HashedLedgerEntry', {
  description:
    "What the entry's hash covers, for AUDITOR and ADMIN: entryHash = SHA-256(prevHash bytes ‖ RFC 8785 JSON of seq, at, action, actor, fromUnit, toUnit, caseId, referralId, alertId, noteDigest, payloadDigest)",
})
export class HashedLedgerEntryModel {
  @Field() seq: string;
  @Field({ description: 'the hashed time, exactly as hashed (ISO 8601 UTC with milliseconds)' })
  at: string;
  @Field() action: string;
  @Field(() => String, { nullable: true, description: "the acting officer's id" })
  actor: string | null;
  @Field(() => String, { nullable: true, description: 'unit id' }) fromUnit: string | null;
  @Field(() => String, { nullable: true, description: 'unit id' }) toUnit: string | null;
  @Field(() => String, { nullable: true }) caseId: string | null;
  @Field(() => String, { nullable: true }) referralId: string | null;
  @Field(() => String, { nullable: true }) alertId: string | null;
  @Field(() => String, {
    nullable: true,
    description: "hex SHA-256 of the note's UTF-8 text; the text is not part of the ledger",
  })
  noteDigest: string | null;
  @Field({ description: 'hex SHA-256 of the RFC 8785 canonical JSON of payload' })
  payloadDigest: string;
  @Field({
    description: 'the payload as RFC 8785 canonical JSON: ids, codes, counts and flags only',
  })
  payload: string;
}

/** An entry as the export formats carry it (docs/ledger-format.md, "Exports"). */
export function exportedEntryOf(entry: SealedLedgerEntry): ExportedEntry {
  return {
    seq: String(entry.seq),
    at: entry.at.toISOString(),
    action: entry.action,
    actor: entry.actorId,
    fromUnit: entry.fromUnitId,
    toUnit: entry.toUnitId,
    caseId: entry.caseId,
    referralId: entry.referralId,
    alertId: entry.alertId,
    noteDigest: entry.noteDigest,
    payload: entry.payload,
    payloadDigest: entry.payloadDigest,
    prevHash: entry.prevHash,
    entryHash: entry.entryHash,
  };
}

export function toHashedLedgerEntry(entry: SealedLedgerEntry): HashedLedgerEntryModel {
  const { payload, prevHash: _prev, entryHash: _hash, ...hashed } = exportedEntryOf(entry);
  const model = new HashedLedgerEntryModel();
  Object.assign(model, hashed, { payload: canonicalJson(payload) });
  return model;
}
