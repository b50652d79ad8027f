import { AgencyKind } from '@simpul/agency';
import { HandoffAction } from '@simpul/ledger';
import { ServiceType } from './referral-enums';

/** Kinds and actions arrive as the database's strings. */
const POLRI: string = AgencyKind.POLRI;
const POLICE_NOTES_UPDATED: string = HandoffAction.POLICE_NOTES_UPDATED;
const REFERRAL_ESCALATED: string = HandoffAction.REFERRAL_ESCALATED;

/**
 * Need-to-know inside a case (docs/access-model.md): the one place that decides how much of a
 * referral, and of a ledger entry about it, a caller sees. Framework-free; every path that reaches
 * a referral or a timeline — root fields, nested fields, lists, the subscription, transitions —
 * asks these functions, so that no two paths can disagree.
 */
export enum ReferralView {
  /** Summary, notes, reasons, services, outcome, lawful basis and ledger notes. */
  FULL = 'FULL',
  /** Only that it exists: reference, units of both sides, status, priority, dates. */
  EXISTENCE = 'EXISTENCE',
  /** Not at all: NOT_FOUND at the root, absent from lists and timelines, null when linked. */
  NONE = 'NONE',
}

/** What the caller is, as far as one case is concerned (CaseAccess.standings). */
export interface ViewerInCase {
  /** AUDITOR reads every case and referral in full (identities aside: IdentityAccess). */
  auditor: boolean;
  /** Units the caller acts for in casework: its own, every unit of its agency for a SUPERVISOR. */
  actingUnitIds: readonly string[];
  /** The case's lead unit. */
  leadUnitId: string;
  /** One of the caller's acting units is a party of the case. */
  party: boolean;
}

export interface ReferralSides {
  fromUnitId: string;
  toUnitId: string;
  confidential: boolean;
}

/**
 * FULL for the sending unit, the receiving unit, the case's lead unit (each including SUPERVISORs
 * of their agencies) and AUDITOR; EXISTENCE for the other parties of the case unless the referral
 * is confidential; NONE for everyone else.
 */
export function referralView(viewer: ViewerInCase, referral: ReferralSides): ReferralView {
  if (viewer.auditor) return ReferralView.FULL;
  const acting = (unitId: string) => viewer.actingUnitIds.includes(unitId);
  if (acting(referral.fromUnitId) || acting(referral.toUnitId) || acting(viewer.leadUnitId)) {
    return ReferralView.FULL;
  }
  if (viewer.party && !referral.confidential) return ReferralView.EXISTENCE;
  return ReferralView.NONE;
}

/**
 * FULL without looking at the case, when the caller is a side of the referral or an auditor;
 * undefined when the case's lead unit and parties decide. Lists of a unit's own referrals (inbox,
 * sent) are decided here without a query.
 */
export function viewBySides(
  viewer: Pick<ViewerInCase, 'auditor' | 'actingUnitIds'>,
  referral: ReferralSides,
): ReferralView.FULL | undefined {
  if (viewer.auditor) return ReferralView.FULL;
  const acting = (unitId: string) => viewer.actingUnitIds.includes(unitId);
  return acting(referral.fromUnitId) || acting(referral.toUnitId) ? ReferralView.FULL : undefined;
}

/** Whether the caller may see the referral at all (then it may act on it as its side allows). */
export const canSee = (view: ReferralView): boolean => view !== ReferralView.NONE;

/**
 * Police investigations are confidential unless the sender says otherwise: a referral asking for
 * INVESTIGATION, or sent to or by a unit of a POLRI agency. Everything else is not, unless the
 * sender marks it so. A redirect never drops the flag (see `redirectedConfidential`).
 */
export function defaultConfidential(
  services: readonly ServiceType[],
  fromAgencyKind: string,
  toAgencyKind: string,
): boolean {
  return (
    services.includes(ServiceType.INVESTIGATION) ||
    fromAgencyKind === POLRI ||
    toAgencyKind === POLRI
  );
}

/** The sender's explicit choice wins; without one, the police-investigation default applies. */
export function confidentialOnSend(
  requested: boolean | null | undefined,
  services: readonly ServiceType[],
  fromAgencyKind: string,
  toAgencyKind: string,
): boolean {
  return requested ?? defaultConfidential(services, fromAgencyKind, toAgencyKind);
}

/**
 * A redirected referral keeps its parent's flag; a redirect to a POLRI unit (or of an
 * INVESTIGATION request) becomes confidential as a new police referral would.
 */
export function redirectedConfidential(
  parentConfidential: boolean,
  services: readonly ServiceType[],
  fromAgencyKind: string,
  toAgencyKind: string,
): boolean {
  return parentConfidential || defaultConfidential(services, fromAgencyKind, toAgencyKind);
}

/** How one ledger entry of a case shows on a timeline or a live event. */
export enum EntryView {
  FULL = 'FULL',
  /** Action, time and units; no note and no actor. */
  REDACTED = 'REDACTED',
  NONE = 'NONE',
}

/**
 * An entry about a referral shows as that referral does: in full, redacted (no note, no actor) to
 * a caller who may only know it exists, not at all otherwise — except an escalation that reached
 * the caller (`reachedCaller`, see escalationReachedCaller), which shows redacted. POLICE_NOTES_UPDATED shows only to
 * those who read police notes (POLRI parties) and to auditors: that the police keep notes on a
 * case is itself what a tip-off needs. Other case entries show to whoever sees the case.
 */
export function entryView(
  entry: { action: string; referralId: string | null },
  referral: ReferralView | undefined,
  readsPoliceNotes: boolean,
  reachedCaller = false,
): EntryView {
  if (entry.action === POLICE_NOTES_UPDATED && !readsPoliceNotes) {
    return EntryView.NONE;
  }
  if (entry.referralId === null) return EntryView.FULL;
  switch (referral) {
    case ReferralView.FULL:
      return EntryView.FULL;
    case ReferralView.EXISTENCE:
      return EntryView.REDACTED;
    default:
      // An entry whose referral is unknown to the caller's view shows nothing (fail closed).
      return reachedCaller ? EntryView.REDACTED : EntryView.NONE;
  }
}

/**
 * Whether this entry is an escalation that reached one of the caller's units (its `toUnit`): the
 * head unit or Gugus Tugas a waiting referral climbed to, often no party of the case, learns it
 * live as its `overdue` list and its notification tell it — action, time and units, never the
 * referral's content (the entry then shows REDACTED, and `HandoffEvent.referral` stays null for
 * it). A confidential referral does not exist for non-parties, in `overdue` as here.
 */
export function escalationReachedCaller(
  entry: { action: string; toUnitId: string | null },
  referral: Pick<ReferralSides, 'confidential'> | undefined,
  actingUnitIds: readonly string[],
): boolean {
  return (
    entry.action === REFERRAL_ESCALATED &&
    entry.toUnitId !== null &&
    actingUnitIds.includes(entry.toUnitId) &&
    referral !== undefined &&
    !referral.confidential
  );
}
