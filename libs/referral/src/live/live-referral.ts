import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { ReferralEntity } from '../entities/referral.entity';

/** The key under which live events carry their referral (HandoffEventMessage.attached). */
export const LIVE_REFERRAL_KEY = 'referral';

/**
 * A referral's stored free text: never carried by a live event (it may name people), so a
 * subscriber that selects any of it gets the referral read from PostgreSQL instead.
 */
const STORED_TEXT = ['summary', 'statusNote', 'outcome'] as const;

/**
 * What a live event carries of its referral, as it was when the worker published the entry:
 * ids, codes, dates and flags — the sides and the confidential flag that the need-to-know rules
 * decide by, and every other field a subscriber may select except the stored free text.
 */
export type LiveReferral = Omit<
  ReferralEntity,
  (typeof STORED_TEXT)[number] | 'consentReference' | 'heldAt'
>;

/** The columns read for a LiveReferral (TypeORM `select`). */
export const LIVE_REFERRAL_COLUMNS = {
  id: true,
  reference: true,
  caseId: true,
  fromUnitId: true,
  toUnitId: true,
  sentById: true,
  acceptedById: true,
  services: true,
  priority: true,
  status: true,
  rejectionReason: true,
  delivery: true,
  deliveredAt: true,
  sentAt: true,
  acknowledgeBy: true,
  acceptBy: true,
  acknowledgedAt: true,
  acceptedAt: true,
  closedAt: true,
  escalationLevel: true,
  redirectedFromId: true,
  redirectedToId: true,
  lawfulBasis: true,
  confidential: true,
  version: true,
} as const satisfies Record<keyof LiveReferral, true>;

const DATES = [
  'deliveredAt',
  'sentAt',
  'acknowledgeBy',
  'acceptBy',
  'acknowledgedAt',
  'acceptedAt',
  'closedAt',
] as const satisfies readonly (keyof LiveReferral)[];

/** The referral a live event carries, with its dates revived from JSON; undefined if none. */
export function liveReferralOf(
  attached: Record<string, unknown> | undefined,
): LiveReferral | undefined {
  const raw = attached?.[LIVE_REFERRAL_KEY] as Record<string, unknown> | undefined;
  if (!raw || typeof raw.id !== 'string') return undefined;
  const live = { ...raw } as Record<string, unknown>;
  for (const key of DATES) {
    const value = live[key];
    live[key] = typeof value === 'string' ? new Date(value) : null;
  }
  return live as LiveReferral;
}

/**
 * As an entity for the model mapper: the stored text is blank, which is only right when the
 * caller selected none of it (`selectsStoredText`).
 */
export function entityOfLive(live: LiveReferral): ReferralEntity {
  return {
    ...live,
    summary: '',
    statusNote: null,
    outcome: null,
    consentReference: null,
    heldAt: null,
  };
}

/** Whether the field being resolved selects a referral's stored text (through fragments too). */
export function selectsStoredText(info: GraphQLResolveInfo): boolean {
  const wanted = new Set<string>(STORED_TEXT);
  const visit = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return wanted.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
