import { graphql, type ResultOf } from '../../graphql/graphql';

export const AUDIT_CASE = graphql(`
  query AuditCase($id: ID!) {
    case(id: $id) {
      id
      reference
      title
      status
      openedAt
      closedAt
      leadUnit {
        id
        name
      }
      referrals {
        id
        reference
        status
        sentAt
        acknowledgedAt
        acceptedAt
        closedAt
        fromUnit {
          id
          name
        }
        toUnit {
          id
          name
        }
      }
    }
    handoffTimeline(caseId: $id) {
      id
      seq
      at
      action
      note
      prevHash
      entryHash
      actor {
        displayName
        unit {
          name
        }
      }
      fromUnit {
        name
      }
      toUnit {
        name
      }
      referral {
        reference
      }
    }
  }
`);

export type AuditCaseData = NonNullable<ResultOf<typeof AUDIT_CASE>['case']>;
export type TimelineEntry = ResultOf<typeof AUDIT_CASE>['handoffTimeline'][number];

/**
 * What the in-browser verification recomputes (docs/ledger-format.md, "Verifying in the
 * console"): each entry with exactly what its hash covers, and the latest signed checkpoint.
 * Asked afresh when the auditor presses Verifikasi, never from the cache.
 */
export const AUDIT_CASE_LEDGER = graphql(`
  query AuditCaseLedger($id: ID!) {
    handoffTimeline(caseId: $id) {
      id
      seq
      at
      action
      note
      prevHash
      entryHash
      actor {
        id
      }
      fromUnit {
        id
      }
      toUnit {
        id
      }
      referral {
        reference
      }
      hashed {
        seq
        at
        action
        actor
        fromUnit
        toUnit
        caseId
        referralId
        alertId
        noteDigest
        payloadDigest
        payload
      }
    }
    auditCheckpoint {
      treeSize
      rootHash
      issuedAt
      keyId
      signature
    }
  }
`);

export const AUDIT_INCLUSION_PROOF = graphql(`
  query AuditInclusionProof($seq: String!, $treeSize: String!) {
    auditInclusionProof(seq: $seq, treeSize: $treeSize) {
      seq
      treeSize
      auditPath
    }
  }
`);
