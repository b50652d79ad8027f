import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { PublishedEntry } from './handoff-event-message';
import { HandoffAction } from '../handoff-action';

// The contract's actions of capabilities not built yet are served but never written.
registerEnumType(HandoffAction, {
  name: 'HandoffAction',
  valuesMap: {
    REFERRAL_ESCALATED: {
      description:
        'A missed deadline climbed the referral one level (no actor: the system); toUnit is the unit the level reaches',
    },
    ALERT_LINKED: {
      description: 'An alert linked to a case (an existing one, or one opened from it)',
    },
  },
});

/**
 * One ledger entry as a timeline shows it. The case, referral, alert, actor, fromUnit and toUnit
 * fields belong to the libs that own those types: they add them with @ResolveField from the
 * internal ids below, which are deliberately not GraphQL fields.
 */
@ObjectType('HandoffEvent', {
  description: 'One entry of the tamper-evident ledger, as a handoff timeline shows it.',
})
export class HandoffEventModel {
  @Field(() => ID) id: string;

  @Field({ description: 'Position in the ledger, 0-based, as a decimal string' })
  seq: string;

  @Field(() => Date) at: Date;

  @Field(() => HandoffAction) action: HandoffAction;

  @Field(() => String, { nullable: true }) note: string | null;

  @Field({ description: 'hex SHA-256 of the previous entry (64 zeros for seq 0)' })
  prevHash: string;

  @Field({
    description: 'hex SHA-256 chaining this entry; see the ledger format in the project docs',
  })
  entryHash: string;

  caseId: string | null;
  referralId: string | null;
  alertId: string | null;
  /** null for events the system did (delivery, escalation) */
  actorId: string | null;
  fromUnitId: string | null;
  toUnitId: string | null;
  /**
   * Live events only: what contexts attached when the worker published the entry
   * (HandoffEventMessage.attached), so that their field resolvers need not read it again.
   */
  attached?: Record<string, unknown>;
}

/** `noteText` comes from LedgerReader.notesFor (the entry holds only the note's digest). */
export function toHandoffEvent(
  entry: PublishedEntry,
  noteText: string | null | undefined,
): HandoffEventModel {
  const event = new HandoffEventModel();
  event.id = entry.seq;
  event.seq = entry.seq;
  event.at = entry.at;
  event.action = entry.action;
  event.note = noteText ?? null;
  event.prevHash = entry.prevHash;
  event.entryHash = entry.entryHash;
  event.caseId = entry.caseId;
  event.referralId = entry.referralId;
  event.alertId = entry.alertId;
  event.actorId = entry.actorId;
  event.fromUnitId = entry.fromUnitId;
  event.toUnitId = entry.toUnitId;
  return event;
}
