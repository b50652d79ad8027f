/**
 * The declared access rule of every object field the gateway serves (the default-deny
 * requirement: nothing reaches a client without a stated rule). Operations declare theirs on the
 * resolver (@Public, @Roles, @SignedIn); object fields are listed here, type by type.
 *
 * `withParent` fields are visible wherever their object is: the operation that returned the object
 * already applied the caller's scope (case party, auditor, own unit, ADMIN). Fields in `guarded` are
 * checked again by their own resolver, for the reason given. A field missing from both fails
 * test/integration/access-rules.integration-spec.ts, so a new field needs a conscious decision.
 */
export interface TypeAccess {
  withParent: readonly string[];
  guarded?: Readonly<Record<string, string>>;
}

const NEED_TO_KNOW =
  'identity: lead unit or receiver of a referral naming the person (IdentityAccess), never auditors; each disclosure logged';

export const FIELD_ACCESS_RULES: Readonly<Record<string, TypeAccess>> = {
  Agency: { withParent: ['code', 'id', 'kind', 'name', 'units'] },
  Unit: { withParent: ['agency', 'code', 'countryCode', 'id', 'name', 'regionCode', 'timeZone'] },
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
      'referrals',
      'regionCode',
      'status',
      'summary',
      'timeline',
      'title',
    ],
    guarded: {
      persons: 'labels for every reader; identity fields per need-to-know (see Person)',
      policeNotes: 'POLRI units that are parties of the case only (PoliceNotes.read)',
    },
  },
  CaseConnection: { withParent: ['edges', 'pageInfo', 'totalCount'] },
  CaseEdge: { withParent: ['cursor', 'node'] },
  Person: {
    withParent: ['case', 'id', 'isChild', 'label', 'sex'],
    guarded: {
      fullName: NEED_TO_KNOW,
      nationalId: NEED_TO_KNOW,
      passportNumber: NEED_TO_KNOW,
      birthDate: NEED_TO_KNOW,
      phone: NEED_TO_KNOW,
    },
  },
  PersonAccess: { withParent: ['at', 'basis', 'fields', 'id', 'officer', 'referral', 'unit'] },
  Referral: {
    withParent: [
      'acceptBy',
      'acceptedAt',
      'acceptedBy',
      'acknowledgeBy',
      'acknowledgedAt',
      'case',
      'closedAt',
      'deliveredAt',
      'delivery',
      'escalationLevel',
      'events',
      'fromUnit',
      'id',
      'lawfulBasis',
      'outcome',
      'priority',
      'redirectedFrom',
      'redirectedTo',
      'reference',
      'rejectionReason',
      'sentAt',
      'sentBy',
      'services',
      'sla',
      'status',
      'statusNote',
      'summary',
      'toUnit',
      'version',
    ],
  },
  ReferralConnection: { withParent: ['edges', 'pageInfo', 'totalCount'] },
  ReferralEdge: { withParent: ['cursor', 'node'] },
  HandoffEvent: {
    withParent: [
      'action',
      'actor',
      'alert',
      'at',
      'case',
      'entryHash',
      'fromUnit',
      'id',
      'note',
      'prevHash',
      'referral',
      'seq',
      'toUnit',
    ],
  },
  // Types of capabilities not built yet: their operations answer NOT_IMPLEMENTED, so no object of
  // these types is ever returned. Their rules are decided with their issue.
  Alert: {
    withParent: [],
    guarded: pending(
      'case countryCode deliveries id raisedAt raisedBy reference regionCode severity status summary type',
    ),
  },
  AlertConnection: { withParent: [], guarded: pending('edges pageInfo totalCount') },
  AlertDelivery: {
    withParent: [],
    guarded: pending('acknowledgedAt acknowledgedBy alert deliveredAt delivery id unit'),
  },
  AlertEdge: { withParent: [], guarded: pending('cursor node') },
  AuditCheckpoint: {
    withParent: [],
    guarded: pending('issuedAt keyId rootHash signature treeSize'),
  },
  AuditEntryConnection: { withParent: [], guarded: pending('edges pageInfo totalCount') },
  AuditEntryEdge: { withParent: [], guarded: pending('cursor node') },
  ConsistencyProof: { withParent: [], guarded: pending('fromSize path toSize') },
  InclusionProof: { withParent: [], guarded: pending('auditPath leafHash seq treeSize') },
  AgencyHandoffStats: {
    withParent: [],
    guarded: pending(
      'accepted agency breached medianMinutesToAccept medianMinutesToReceive received rejected',
    ),
  },
};

function pending(fields: string): Record<string, string> {
  return Object.fromEntries(
    fields.split(' ').map((field) => [field, 'never served: its operations are NOT_IMPLEMENTED']),
  );
}
