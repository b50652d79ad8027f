import { graphql, type ResultOf } from '../../graphql/graphql';

export const RoutingRuleFields = graphql(`
  fragment RoutingRuleFields on AlertRoutingRule {
    id
    code
    name
    active
    alertTypes
    minSeverity
    regionCode
    countryCode
    abroadOnly
    exploitationTypes
    missionsInCountry
    units {
      id
      code
      name
    }
  }
`);
export type RoutingRuleData = ResultOf<typeof RoutingRuleFields>;

export const ROUTING_RULES = graphql(
  `
    query AdminRoutingRules {
      alertRoutingRules {
        ...RoutingRuleFields
      }
      units {
        id
        code
      }
    }
  `,
  [RoutingRuleFields],
);

export const CREATE_RULE = graphql(`
  mutation CreateAlertRoutingRule($input: AlertRoutingRuleInput!) {
    createAlertRoutingRule(input: $input) {
      id
    }
  }
`);

export const UPDATE_RULE = graphql(`
  mutation UpdateAlertRoutingRule($id: ID!, $input: AlertRoutingRuleInput!) {
    updateAlertRoutingRule(id: $id, input: $input) {
      id
    }
  }
`);

export const DELETE_RULE = graphql(`
  mutation DeleteAlertRoutingRule($id: ID!) {
    deleteAlertRoutingRule(id: $id)
  }
`);

export const WebhookFields = graphql(`
  fragment WebhookFields on WebhookEndpoint {
    id
    unitId
    unitCode
    url
    active
    pendingDeliveries
    lastDeliveredAt
    lastError
  }
`);
export type WebhookData = ResultOf<typeof WebhookFields>;

export const WEBHOOKS = graphql(
  `
    query AdminWebhooks($parked: ParkedOutboxRowFilter) {
      webhookEndpoints {
        ...WebhookFields
      }
      units {
        id
        code
        name
      }
      parkedOutboxRows(first: 100, filter: $parked) {
        id
        jobName
        queue
        failures
        lastError
        parkedAt
      }
    }
  `,
  [WebhookFields],
);

export const CREATE_WEBHOOK = graphql(
  `
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
      createWebhookEndpoint(input: $input) {
        ...WebhookFields
      }
    }
  `,
  [WebhookFields],
);

export const UPDATE_WEBHOOK = graphql(
  `
    mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
      updateWebhookEndpoint(id: $id, input: $input) {
        ...WebhookFields
      }
    }
  `,
  [WebhookFields],
);

export const REPLAY_OUTBOX_ROW = graphql(`
  mutation ReplayOutboxRow($id: ID!) {
    replayOutboxRow(id: $id) {
      id
      parkedAt
    }
  }
`);
