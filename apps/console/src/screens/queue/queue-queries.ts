import { QueueReferral } from '../../graphql/fragments';
import { graphql } from '../../graphql/graphql';

export const INBOX = graphql(
  `
    query Inbox($first: Int = 100) {
      inbox(first: $first) {
        totalCount
        edges {
          node {
            ...QueueReferral
          }
        }
      }
    }
  `,
  [QueueReferral],
);

export const SENT = graphql(
  `
    query Sent($status: [ReferralStatus!], $first: Int = 100) {
      sent(first: $first, status: $status) {
        totalCount
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
    }
  `,
  [QueueReferral],
);

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
