import { HandoffAction } from '@simpul/ledger';
import { ServiceType } from './referral-enums';
import {
  confidentialOnSend,
  defaultConfidential,
  entryView,
  escalationReachedCaller,
  EntryView,
  redirectedConfidential,
  referralView,
  ReferralView,
  viewBySides,
  type ViewerInCase,
} from './referral-visibility';

/** One case led by LEAD; the referral goes from SENDER to RECEIVER; OTHER is another party. */
const LEAD = 'lead-unit';
const SENDER = 'sender-unit';
const RECEIVER = 'receiver-unit';
const OTHER = 'other-party-unit';
const STRANGER = 'non-party-unit';

type Who =
  | 'lead'
  | 'sender'
  | 'receiver'
  | 'supervisor-of-lead'
  | 'supervisor-of-sender'
  | 'supervisor-of-receiver'
  | 'other-party'
  | 'supervisor-of-other-party'
  | 'non-party'
  | 'auditor'
  | 'admin';

/** A supervisor acts for every unit of its agency: here its own unit and the side's unit. */
const viewers: Record<Who, Omit<ViewerInCase, 'leadUnitId'>> = {
  lead: { auditor: false, actingUnitIds: [LEAD], party: true },
  sender: { auditor: false, actingUnitIds: [SENDER], party: true },
  receiver: { auditor: false, actingUnitIds: [RECEIVER], party: true },
  'supervisor-of-lead': { auditor: false, actingUnitIds: ['lead-hq', LEAD], party: true },
  'supervisor-of-sender': { auditor: false, actingUnitIds: ['sender-hq', SENDER], party: true },
  'supervisor-of-receiver': { auditor: false, actingUnitIds: ['rcv-hq', RECEIVER], party: true },
  'other-party': { auditor: false, actingUnitIds: [OTHER], party: true },
  'supervisor-of-other-party': { auditor: false, actingUnitIds: ['o-hq', OTHER], party: true },
  'non-party': { auditor: false, actingUnitIds: [STRANGER], party: false },
  auditor: { auditor: true, actingUnitIds: ['audit-unit'], party: false },
  // An ADMIN-only officer acts for no unit in casework (CaseAccess.caseworkUnitIds).
  admin: { auditor: false, actingUnitIds: [], party: false },
};

/** The rule table of docs/access-model.md, written out independently of the implementation. */
const expected: Record<Who, { open: ReferralView; confidential: ReferralView }> = {
  lead: { open: ReferralView.FULL, confidential: ReferralView.FULL },
  sender: { open: ReferralView.FULL, confidential: ReferralView.FULL },
  receiver: { open: ReferralView.FULL, confidential: ReferralView.FULL },
  'supervisor-of-lead': { open: ReferralView.FULL, confidential: ReferralView.FULL },
  'supervisor-of-sender': { open: ReferralView.FULL, confidential: ReferralView.FULL },
  'supervisor-of-receiver': { open: ReferralView.FULL, confidential: ReferralView.FULL },
  'other-party': { open: ReferralView.EXISTENCE, confidential: ReferralView.NONE },
  'supervisor-of-other-party': { open: ReferralView.EXISTENCE, confidential: ReferralView.NONE },
  'non-party': { open: ReferralView.NONE, confidential: ReferralView.NONE },
  auditor: { open: ReferralView.FULL, confidential: ReferralView.FULL },
  admin: { open: ReferralView.NONE, confidential: ReferralView.NONE },
};

const cells = (Object.keys(viewers) as Who[]).flatMap((who) =>
  [false, true].map((confidential) => [who, confidential] as const),
);

describe('referralView', () => {
  it.each(cells)('%s, confidential %s', (who, confidential) => {
    const view = referralView(
      { ...viewers[who], leadUnitId: LEAD },
      { fromUnitId: SENDER, toUnitId: RECEIVER, confidential },
    );
    expect(view).toBe(expected[who][confidential ? 'confidential' : 'open']);
  });

  it('decides the sides alone without the case, and defers everyone else to it', () => {
    const referral = { fromUnitId: SENDER, toUnitId: RECEIVER, confidential: true };
    for (const who of Object.keys(viewers) as Who[]) {
      const bySides = viewBySides(viewers[who], referral);
      const side = ['sender', 'receiver', 'supervisor-of-sender', 'supervisor-of-receiver'];
      expect([who, bySides]).toEqual([
        who,
        side.includes(who) || who === 'auditor' ? ReferralView.FULL : undefined,
      ]);
    }
  });
});

describe('confidential by default', () => {
  it('is true for police investigations only', () => {
    expect(defaultConfidential([ServiceType.INVESTIGATION], 'KEMLU', 'KP2MI')).toBe(true);
    expect(defaultConfidential([ServiceType.SHELTER], 'KEMLU', 'POLRI')).toBe(true);
    expect(defaultConfidential([ServiceType.SHELTER], 'POLRI', 'PEMDA')).toBe(true);
    expect(defaultConfidential([ServiceType.REPATRIATION], 'KEMLU', 'KEMLU')).toBe(false);
  });

  it('gives way to the sender’s explicit choice', () => {
    expect(confidentialOnSend(false, [ServiceType.INVESTIGATION], 'POLRI', 'POLRI')).toBe(false);
    expect(confidentialOnSend(true, [ServiceType.SHELTER], 'KEMLU', 'PEMDA')).toBe(true);
    expect(confidentialOnSend(null, [ServiceType.SHELTER], 'KEMLU', 'PEMDA')).toBe(false);
    expect(confidentialOnSend(undefined, [ServiceType.SHELTER], 'KEMLU', 'POLRI')).toBe(true);
  });

  it('survives a redirect, and a redirect to the police adds it', () => {
    expect(redirectedConfidential(true, [ServiceType.SHELTER], 'KEMLU', 'PEMDA')).toBe(true);
    expect(redirectedConfidential(false, [ServiceType.SHELTER], 'KEMLU', 'POLRI')).toBe(true);
    expect(redirectedConfidential(false, [ServiceType.SHELTER], 'KEMLU', 'PEMDA')).toBe(false);
  });
});

describe('entryView', () => {
  const of = (action: HandoffAction, referralId: string | null = 'r1') => ({ action, referralId });

  it('shows a referral’s entries as the referral shows', () => {
    expect(entryView(of(HandoffAction.REFERRAL_HELD), ReferralView.FULL, false)).toBe(
      EntryView.FULL,
    );
    expect(entryView(of(HandoffAction.REFERRAL_HELD), ReferralView.EXISTENCE, false)).toBe(
      EntryView.REDACTED,
    );
    expect(entryView(of(HandoffAction.REFERRAL_SENT), ReferralView.NONE, true)).toBe(
      EntryView.NONE,
    );
    // A referral the policy was not asked about shows nothing.
    expect(entryView(of(HandoffAction.REFERRAL_SENT), undefined, true)).toBe(EntryView.NONE);
  });

  it('shows case entries to whoever sees the case, police-notes entries to their readers only', () => {
    expect(entryView(of(HandoffAction.CASE_CLOSED, null), undefined, false)).toBe(EntryView.FULL);
    expect(entryView(of(HandoffAction.POLICE_NOTES_UPDATED, null), undefined, false)).toBe(
      EntryView.NONE,
    );
    expect(entryView(of(HandoffAction.POLICE_NOTES_UPDATED, null), undefined, true)).toBe(
      EntryView.FULL,
    );
  });
});

describe('escalationReachedCaller', () => {
  const escalated = { action: HandoffAction.REFERRAL_ESCALATED, toUnitId: 'gt-ntt' };
  const open = { confidential: false };

  it('is true for an escalation addressed to one of the caller’s units, of a referral not confidential', () => {
    expect(escalationReachedCaller(escalated, open, ['gt-ntt'])).toBe(true);
    expect(escalationReachedCaller(escalated, open, ['gt-pusat'])).toBe(false);
    expect(escalationReachedCaller(escalated, { confidential: true }, ['gt-ntt'])).toBe(false);
    expect(escalationReachedCaller(escalated, undefined, ['gt-ntt'])).toBe(false);
    expect(
      escalationReachedCaller({ action: HandoffAction.REFERRAL_SENT, toUnitId: 'gt-ntt' }, open, [
        'gt-ntt',
      ]),
    ).toBe(false);
  });

  it('makes the entry show redacted where the referral itself shows nothing', () => {
    const entry = { action: HandoffAction.REFERRAL_ESCALATED, referralId: 'r1' };
    expect(entryView(entry, ReferralView.NONE, false, true)).toBe(EntryView.REDACTED);
    expect(entryView(entry, ReferralView.NONE, false, false)).toBe(EntryView.NONE);
    expect(entryView(entry, ReferralView.FULL, false, true)).toBe(EntryView.FULL);
  });
});
