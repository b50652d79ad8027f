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
