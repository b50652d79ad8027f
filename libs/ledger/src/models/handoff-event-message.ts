import type { HandoffEventMessage } from '@simpul/delivery';
import type { SealedLedgerEntry } from '../entities/ledger-entry.entity';
import type { HandoffAction } from '../handoff-action';

/** The fields of a sealed entry that a timeline shows, less its note's text. */
export type PublishedEntry = Pick<
  SealedLedgerEntry,
  | 'id'
  | 'seq'
  | 'at'
  | 'action'
  | 'actorId'
  | 'caseId'
  | 'referralId'
  | 'alertId'
  | 'fromUnitId'
  | 'toUnitId'
  | 'noteDigest'
  | 'prevHash'
  | 'entryHash'
>;

export function toHandoffEventMessage(entry: PublishedEntry): HandoffEventMessage {
  return {
    seq: entry.seq,
    entryId: entry.id,
    at: entry.at.toISOString(),
    action: entry.action,
    actorId: entry.actorId,
    caseId: entry.caseId,
    referralId: entry.referralId,
    alertId: entry.alertId,
    fromUnitId: entry.fromUnitId,
    toUnitId: entry.toUnitId,
    noteDigest: entry.noteDigest,
    prevHash: entry.prevHash,
    entryHash: entry.entryHash,
  };
}

/** The entry a message describes, as LedgerReader.toEvents takes it (the note is read there). */
export function publishedEntryOf(message: HandoffEventMessage): PublishedEntry {
  return {
    id: message.entryId,
    seq: message.seq,
    at: new Date(message.at),
    action: message.action as HandoffAction,
    actorId: message.actorId,
    caseId: message.caseId,
    referralId: message.referralId,
    alertId: message.alertId,
    fromUnitId: message.fromUnitId,
    toUnitId: message.toUnitId,
    noteDigest: message.noteDigest,
    prevHash: message.prevHash,
    entryHash: message.entryHash,
  };
}
