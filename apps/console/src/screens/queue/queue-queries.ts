import { QueueReferral } from '../../graphql/fragments';
import { graphql } from '../../graphql/graphql';

/**
 * One page of the inbox, narrowed and ordered on the server (pressing referrals first over the
 * whole queue), with the per-stage counts for the tabs.
 */
export const INBOX = graphql(
  `
    query Inbox(
      $first: Int!
      $after: String
      $status: [ReferralStatus!]
      $stage: [ReferralStage!]
      $filter: ReferralQueueFilter
      $order: ReferralQueueOrder
    ) {
      inbox(
        first: $first
        after: $after
        status: $status
        stage: $stage
        filter: $filter
        order: $order
      ) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...QueueReferral
          }
        }
      }
      referralQueueStageCounts(queue: INBOX, filter: $filter) {
        stage
        status
        count
      }
    }
  `,
  [QueueReferral],
);

export const SENT = graphql(
  `
    query Sent(
      $first: Int!
      $after: String
      $status: [ReferralStatus!]
      $stage: [ReferralStage!]
      $filter: ReferralQueueFilter
      $order: ReferralQueueOrder
    ) {
      sent(
        first: $first
        after: $after
        status: $status
        stage: $stage
        filter: $filter
        order: $order
      ) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...QueueReferral
            redirectedTo {
              id
              reference
            }
          }
        }
      }
      referralQueueStageCounts(queue: SENT, filter: $filter) {
        stage
        status
        count
      }
    }
  `,
  [QueueReferral],
);

/** The agencies an officer can narrow the queue by (any of them can send or receive). */
export const AGENCIES = graphql(`
  query QueueAgencies {
    agencies {
      id
      name
    }
  }
`);

export const ACKNOWLEDGE = graphql(
  `
    mutation Acknowledge($id: ID!, $version: Int!) {
      acknowledgeReferral(id: $id, expectedVersion: $version) {
        ...QueueReferral
      }
    }
  `,
  [QueueReferral],
);

export const ACCEPT = graphql(
  `
    mutation Accept($id: ID!, $version: Int!, $note: String) {
      acceptReferral(id: $id, expectedVersion: $version, note: $note) {
        ...QueueReferral
      }
    }
  `,
  [QueueReferral],
);

/** Per unit the officer acts for (a supervisor: every unit of its agency), over the whole inbox. */
export const UNIT_COUNTS = graphql(`
  query InboxUnitCounts {
    referralQueueUnitCounts(queue: INBOX) {
      unit {
        id
        name
      }
      total
      open
      overdue
      atRisk
    }
  }
`);
