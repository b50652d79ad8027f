import { graphql, type ResultOf } from '../../graphql/graphql';

export const FeedAlert = graphql(`
  fragment FeedAlert on Alert {
    id
    reference
    type
    severity
    status
    summary
    regionCode
    countryCode
    exploitationTypes
    raisedAt
    escalationLevel
    restricted
    raisedByUnit {
      id
      name
    }
    case {
      id
      reference
    }
    myDelivery {
      id
      acknowledgedAt
      unit {
        id
      }
    }
    myEscalation {
      level
      acknowledgedAt
      unit {
        id
      }
    }
    escalations {
      level
      escalatedAt
      acknowledgedAt
      unit {
        id
        code
        name
      }
    }
    deliveries {
      id
      delivery
      deliveredAt
      acknowledgedAt
      unit {
        id
        code
        name
      }
    }
  }
`);
export type FeedAlertData = ResultOf<typeof FeedAlert>;

export const ALERTS = graphql(
  `
    query Alerts($first: Int = 50) {
      alerts(first: $first, order: URGENT_FIRST) {
        totalCount
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            ...FeedAlert
          }
        }
      }
    }
  `,
  [FeedAlert],
);

export const ALERT = graphql(
  `
    query Alert($id: ID!) {
      alert(id: $id) {
        ...FeedAlert
      }
    }
  `,
  [FeedAlert],
);

export const MY_CASES = graphql(`
  query AlertCases {
    cases(first: 100, status: [OPEN]) {
      edges {
        node {
          id
          reference
          title
        }
      }
    }
  }
`);

export const ACKNOWLEDGE_ALERT = graphql(`
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      id
      acknowledgedAt
    }
  }
`);

export const ACKNOWLEDGE_ALERT_ESCALATION = graphql(`
  mutation AcknowledgeAlertEscalation($id: ID!) {
    acknowledgeAlertEscalation(id: $id) {
      level
      acknowledgedAt
    }
  }
`);

export const RESOLVE_ALERT = graphql(
  `
    mutation ResolveAlert($id: ID!, $note: String!) {
      resolveAlert(id: $id, note: $note) {
        ...FeedAlert
      }
    }
  `,
  [FeedAlert],
);

export const DISMISS_ALERT = graphql(
  `
    mutation DismissAlert($id: ID!, $note: String!, $reason: AlertDismissalReason) {
      dismissAlert(id: $id, note: $note, reason: $reason) {
        ...FeedAlert
      }
    }
  `,
  [FeedAlert],
);

export const LINK_ALERT = graphql(
  `
    mutation LinkAlert($id: ID!, $caseId: ID!) {
      linkAlertToCase(id: $id, caseId: $caseId) {
        ...FeedAlert
      }
    }
  `,
  [FeedAlert],
);

export const PROMOTE_ALERT = graphql(
  `
    mutation PromoteAlert($id: ID!, $input: PromoteAlertInput!) {
      promoteAlertToCase(id: $id, input: $input) {
        ...FeedAlert
      }
    }
  `,
  [FeedAlert],
);

export const PREVIEW_ROUTING = graphql(`
  query PreviewAlertRouting($input: AlertRoutingPreviewInput!) {
    previewAlertRouting(input: $input) {
      id
      code
      name
    }
  }
`);

export const RAISE_ALERT = graphql(`
  mutation RaiseAlert($input: RaiseAlertInput!) {
    raiseAlert(input: $input) {
      id
      reference
      deliveries {
        id
      }
    }
  }
`);
