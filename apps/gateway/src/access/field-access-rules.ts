/**
 * The declared access rule of every object field the gateway serves (the default-deny
 * requirement: nothing reaches a client without a stated rule). Operations declare theirs on the
 * resolver (@Public, @Roles, @SignedIn); object fields are listed here, type by type.
 *
 * `withParent` fields are visible wherever their object is: the operation that returned the object
 * already applied the caller's scope (case party, auditor, own unit, ADMIN). Fields in `guarded` are
 * checked again by their own resolver, or blanked for the caller when its object was built, for
 * the reason given — every link to a Case or Referral is guarded (docs/access-model.md). A field missing from both fails
 * test/integration/access-rules.integration-spec.ts, so a new field needs a conscious decision.
 */
export interface TypeAccess {
  withParent: readonly string[];
  guarded?: Readonly<Record<string, string>>;
}

const NEED_TO_KNOW =
  'identity: lead unit or receiver of a referral naming the person (IdentityAccess), never auditors; each disclosure logged';
/** docs/access-model.md: the one policy, libs/referral/src/referral-visibility.ts. */
const REFERRAL_CONTENT =
  'referral content: blanked by toReferralModel for a caller whose view is EXISTENCE (another party of the case)';
const CASE_LINK =
  'checked again for the caller by CaseLoader: null / NOT_FOUND when it may not see the case';
const REFERRAL_LINK =
  'checked again for the caller by ReferralLoader: null when it may not see the referral, restricted when it may only know it exists';
const ALERT_TEXT =
  'police free text: blanked by toAlertModel for AUDITOR (AlertView.AUDIT); only the raising and receiving units, and the units it escalated to, read it';
const EVENT_CONTENT =
  'ledger note / actor: null on entries of a referral the caller may only know exists, or that only escalated to its unit (ReferralViews)';

export const FIELD_ACCESS_RULES: Readonly<Record<string, TypeAccess>> = {
  Agency: { withParent: ['code', 'id', 'kind', 'name', 'units'] },
  Unit: {
    withParent: [
      'agency',
      'code',
      'countryCode',
      'id',
      'name',
      'regionCode',
      'timeZone',
      'weekendDays',
    ],
  },
  Officer: { withParent: ['active', 'displayName', 'id', 'roles', 'unit', 'username'] },
  // Returned by ADMIN-only operations (parkedOutboxRows, replayOutboxRow); no payload, no identity.
  OutboxRow: {
    withParent: [
      'createdAt',
      'dispatchCount',
      'doneAt',
      'failures',
      'id',
      'jobName',
      'lastError',
      'parkedAt',
      'queue',
    ],
  },
  // The signed-in officer's own notifications (NotificationReader reads by officer id only):
  // codes, a reference, ids and a link; the link's screen applies its own access rules.
  Notification: {
    withParent: [
      'action',
      'alertId',
      'caseId',
      'createdAt',
      'escalationLevel',
      'id',
      'link',
      'readAt',
      'reference',
      'referralId',
      'seq',
      'unitCode',
    ],
  },
  NotificationEdge: { withParent: ['cursor', 'node'] },
  NotificationConnection: { withParent: ['edges', 'pageInfo', 'totalCount'] },
  // Returned by ADMIN-only operations; the secret is not a field at all.
  WebhookEndpoint: {
    withParent: [
      'active',
      'createdAt',
      'id',
      'lastDeliveredAt',
      'lastError',
      'pendingDeliveries',
      'unitCode',
      'unitId',
      'updatedAt',
      'url',
    ],
  },
  AuthPayload: { withParent: ['accessToken', 'expiresAt', 'officer', 'refreshToken'] },
  PageInfo: { withParent: ['endCursor', 'hasNextPage'] },
  Case: {
    withParent: [
      'closedAt',
      'exploitationTypes',
      'id',
      'leadUnit',
      'openedAt',
      'reference',
      'regionCode',
      'status',
      'summary',
      'title',
    ],
    guarded: {
      referrals:
        'per referral (ReferralViews): full, restricted for other parties, absent when confidential',
      timeline:
        'per entry (ReferralViews): dropped / redacted with its referral; police-notes entries for POLRI parties and auditors',
      persons:
        'case checked again; labels for every reader; identity fields per need-to-know (see Person)',
      policeNotes: 'POLRI units that are parties of the case only (PoliceNotes.read)',
    },
  },
  CaseConnection: { withParent: ['edges', 'pageInfo', 'totalCount'] },
  CaseEdge: { withParent: ['cursor', 'node'] },
  Person: {
    withParent: ['id', 'isChild', 'label', 'sex'],
    guarded: {
      case: CASE_LINK,
      fullName: NEED_TO_KNOW,
      nationalId: NEED_TO_KNOW,
      passportNumber: NEED_TO_KNOW,
      birthDate: NEED_TO_KNOW,
      phone: NEED_TO_KNOW,
    },
  },
  PersonAccess: {
    withParent: ['at', 'basis', 'fields', 'id', 'officer', 'unit'],
    guarded: { referral: REFERRAL_LINK },
  },
  Referral: {
    withParent: [
      'acceptBy',
      'acceptedAt',
      'acknowledgeBy',
      'acknowledgedAt',
      'closedAt',
      'confidential',
      'deliveredAt',
      'delivery',
      'escalationLevel',
      'fromUnit',
      'id',
      'overdue',
      'priority',
      'reference',
      'restricted',
      'sentAt',
      'sentBy',
      'sla',
      'status',
      'toUnit',
      'version',
    ],
    guarded: {
      acceptedBy: REFERRAL_CONTENT,
      lawfulBasis: REFERRAL_CONTENT,
      outcome: REFERRAL_CONTENT,
      rejectionReason: REFERRAL_CONTENT,
      services: REFERRAL_CONTENT,
      statusNote: REFERRAL_CONTENT,
      summary: REFERRAL_CONTENT,
      case: CASE_LINK,
      redirectedFrom: REFERRAL_LINK,
      redirectedTo: REFERRAL_LINK,
      events: 'per entry with the referral (ReferralViews): notes and actors only in full view',
    },
  },
  ReferralConnection: { withParent: ['edges', 'pageInfo', 'totalCount'] },
  OverdueReferral: {
    withParent: [
      'deadline',
      'dueAt',
      'escalationLevel',
      'fromUnit',
      'id',
      'priority',
      'reference',
      'sentAt',
      'status',
      'toUnit',
    ],
    guarded: { referral: REFERRAL_LINK },
  },
  OverdueReferralConnection: { withParent: ['edges', 'pageInfo', 'totalCount'] },
  OverdueReferralEdge: { withParent: ['cursor', 'node'] },
  ReferralEdge: { withParent: ['cursor', 'node'] },
  ReferralStatusCount: { withParent: ['count', 'status'] },
  ReferralStageCount: { withParent: ['count', 'stage', 'status'] },
  // Counts over the caller's own units' queue (ReferralReader.unitCounts scopes to them).
  ReferralUnitCount: { withParent: ['atRisk', 'open', 'overdue', 'total', 'unit'] },
  HandoffEvent: {
    withParent: ['action', 'at', 'entryHash', 'fromUnit', 'id', 'prevHash', 'seq', 'toUnit'],
    guarded: {
      actor: EVENT_CONTENT,
      note: EVENT_CONTENT,
      case: CASE_LINK,
      referral: REFERRAL_LINK,
      alert:
        'checked again for the caller by AlertReader.visible: null when it may not see the alert',
      hashed:
        'AUDITOR and ADMIN only, null for everyone else (HandoffEventHashedResolver): the raw ids the hash covers',
    },
  },
  // Insight (libs/insight): returned only to auditors and Gugus Tugas officers, scoped by
  // InsightAccess; counts, codes and dates, no case content and no identity.
  AgencyHandoffStats: {
    withParent: [
      'accepted',
      'agency',
      'breached',
      'medianMinutesToAccept',
      'medianMinutesToReceive',
      'received',
      'redirected',
      'rejected',
    ],
  },
  UnitHolding: {
    withParent: ['lastAction', 'lastSeq', 'since', 'status'],
    guarded: { referral: REFERRAL_LINK },
  },
  PingPongCase: {
    withParent: ['bounces', 'caseId', 'caseReference', 'lastBounceAt', 'provinceCode'],
    guarded: { case: CASE_LINK },
  },
  // Anonymised: cells under k = 11 persons suppressed (libs/insight/src/k-anonymity.ts).
  EvaluationStatistics: { withParent: ['cells', 'fromMonth', 'k', 'toMonth'] },
  EvaluationCell: {
    withParent: [
      'accepted',
      'agencyCode',
      'casesOpened',
      'completed',
      'exploitationType',
      'failed',
      'medianMinutesToAccept',
      'month',
      'persons',
      'provinceCode',
      'redirected',
      'referrals',
      'rejected',
      'suppressed',
    ],
  },
  // Returned only through HandoffEvent.hashed (AUDITOR, ADMIN): ids, codes, digests, no note text.
  HashedLedgerEntry: {
    withParent: [
      'action',
      'actor',
      'alertId',
      'at',
      'caseId',
      'fromUnit',
      'noteDigest',
      'payload',
      'payloadDigest',
      'referralId',
      'seq',
      'toUnit',
    ],
  },
  // Returned by AUDITOR/ADMIN-only operations (auditEntries, auditCheckpoint, the proofs,
  // issueCheckpoint): the ledger's public commitments, no personal data.
  AuditCheckpoint: { withParent: ['issuedAt', 'keyId', 'rootHash', 'signature', 'treeSize'] },
  AuditEntryConnection: { withParent: ['edges', 'pageInfo', 'totalCount'] },
  AuditEntryEdge: { withParent: ['cursor', 'node'] },
  ConsistencyProof: { withParent: ['fromSize', 'path', 'toSize'] },
  InclusionProof: { withParent: ['auditPath', 'leafHash', 'seq', 'treeSize'] },
  // Returned by ADMIN-only operations (verifyLedger, ledgerVerification(s)): seqs and reasons.
  LedgerVerification: {
    withParent: [
      'checkedCheckpoints',
      'checkedEntries',
      'finishedAt',
      'firstBadSeq',
      'id',
      'reason',
      'requestedAt',
      'startedAt',
      'status',
    ],
  },
  // docs/access-model.md, "Alerts": the raising and receiving units and the units it escalated to
  // see an alert in full, AUDITOR without its text; everyone else never gets it (NOT_FOUND, absent,
  // null).
  Alert: {
    withParent: [
      'closedAt',
      'countryCode',
      'deliveries',
      'dismissalReason',
      'escalationLevel',
      'escalations',
      'exploitationTypes',
      'id',
      'myDelivery',
      'myEscalation',
      'raisedAt',
      'raisedBy',
      'raisedByUnit',
      'reference',
      'regionCode',
      'restricted',
      'severity',
      'status',
      'type',
      'version',
    ],
    guarded: {
      summary: ALERT_TEXT,
      statusNote: ALERT_TEXT,
      case: CASE_LINK,
    },
  },
  AlertConnection: { withParent: ['edges', 'pageInfo', 'totalCount'] },
  AlertEdge: { withParent: ['cursor', 'node'] },
  AlertDelivery: {
    withParent: ['acknowledgedAt', 'acknowledgedBy', 'deliveredAt', 'delivery', 'id', 'unit'],
    guarded: { alert: 'checked again for the caller by AlertReader.visible: NOT_FOUND otherwise' },
  },
  AlertEscalation: {
    withParent: ['acknowledgedAt', 'acknowledgedBy', 'escalatedAt', 'level', 'unit'],
    guarded: { alert: 'checked again for the caller by AlertReader.visible: NOT_FOUND otherwise' },
  },
  // Returned by ADMIN-only operations; codes, units and conditions, no personal data.
  AlertRoutingRule: {
    withParent: [
      'abroadOnly',
      'active',
      'alertTypes',
      'code',
      'countryCode',
      'createdAt',
      'exploitationTypes',
      'id',
      'minSeverity',
      'missionsInCountry',
      'name',
      'regionCode',
      'units',
      'updatedAt',
    ],
  },
};
