import { QueueReferral } from '../../graphql/fragments';
import { graphql } from '../../graphql/graphql';

export const ReferralDetail = graphql(
  `
    fragment ReferralDetail on Referral {
      ...QueueReferral
      toUnit {
        weekendDays
      }
      lawfulBasis
      outcome
      escalationLevel
      sentBy {
        displayName
        unit {
          name
        }
      }
      acceptedBy {
        displayName
      }
      redirectedTo {
        id
        reference
        toUnit {
          name
        }
      }
      redirectedFrom {
        id
        reference
        fromUnit {
          name
        }
      }
      case {
        id
        reference
        title
        persons {
          id
          label
          fullName
          sex
          birthDate
          isChild
          nationalId
          passportNumber
          phone
        }
      }
      events {
        id
        seq
        at
        action
        note
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
      }
    }
  `,
  [QueueReferral],
);

export const REFERRAL = graphql(
  `
    query Referral($id: ID!) {
      referral(id: $id) {
        ...ReferralDetail
      }
    }
  `,
  [ReferralDetail],
);

export const TRANSITIONS = {
  acknowledge: graphql(
    `
      mutation AcknowledgeReferral($id: ID!, $version: Int!) {
        acknowledgeReferral(id: $id, expectedVersion: $version) {
          ...ReferralDetail
        }
      }
    `,
    [ReferralDetail],
  ),
  accept: graphql(
    `
      mutation AcceptReferral($id: ID!, $version: Int!, $note: String) {
        acceptReferral(id: $id, expectedVersion: $version, note: $note) {
          ...ReferralDetail
        }
      }
    `,
    [ReferralDetail],
  ),
  reject: graphql(
    `
      mutation RejectReferral($id: ID!, $version: Int!, $reason: RejectionReason!, $note: String) {
        rejectReferral(id: $id, expectedVersion: $version, reason: $reason, note: $note) {
          ...ReferralDetail
        }
      }
    `,
    [ReferralDetail],
  ),
  redirect: graphql(`
    mutation RedirectReferral($id: ID!, $version: Int!, $toUnitId: ID!, $note: String) {
      redirectReferral(id: $id, expectedVersion: $version, toUnitId: $toUnitId, note: $note) {
        id
        reference
        toUnit {
          name
        }
      }
    }
  `),
  start: graphql(
    `
      mutation StartReferral($id: ID!, $version: Int!) {
        startReferral(id: $id, expectedVersion: $version) {
          ...ReferralDetail
        }
      }
    `,
    [ReferralDetail],
  ),
  hold: graphql(
    `
      mutation HoldReferral($id: ID!, $version: Int!, $note: String!) {
        holdReferral(id: $id, expectedVersion: $version, note: $note) {
          ...ReferralDetail
        }
      }
    `,
    [ReferralDetail],
  ),
  resume: graphql(
    `
      mutation ResumeReferral($id: ID!, $version: Int!) {
        resumeReferral(id: $id, expectedVersion: $version) {
          ...ReferralDetail
        }
      }
    `,
    [ReferralDetail],
  ),
  complete: graphql(
    `
      mutation CompleteReferral($id: ID!, $version: Int!, $outcome: String!) {
        completeReferral(id: $id, expectedVersion: $version, outcome: $outcome) {
          ...ReferralDetail
        }
      }
    `,
    [ReferralDetail],
  ),
  fail: graphql(
    `
      mutation FailReferral($id: ID!, $version: Int!, $note: String!) {
        failReferral(id: $id, expectedVersion: $version, note: $note) {
          ...ReferralDetail
        }
      }
    `,
    [ReferralDetail],
  ),
  cancel: graphql(
    `
      mutation CancelReferral($id: ID!, $version: Int!, $note: String!) {
        cancelReferral(id: $id, expectedVersion: $version, note: $note) {
          ...ReferralDetail
        }
      }
    `,
    [ReferralDetail],
  ),
};
