import { QueueReferral } from '../../graphql/fragments';
import { graphql } from '../../graphql/graphql';

/** One page of the inbox, narrowed on the server, with the per-status counts for the tabs. */
export const INBOX = graphql(
  `
    query Inbox(
      $first: Int!
      $after: String
      $status: [ReferralStatus!]
      $filter: ReferralQueueFilter
    ) {
      inbox(first: $first, after: $after, status: $status, filter: $filter) {
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
      referralQueueCounts(queue: INBOX, filter: $filter) {
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
      $filter: ReferralQueueFilter
    ) {
      sent(first: $first, after: $after, status: $status, filter: $filter) {
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
      referralQueueCounts(queue: SENT, filter: $filter) {
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
