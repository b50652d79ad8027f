// GraphQL over HTTP (POST /graphql with JSON) and the documents the console sends. The live
// WebSocket client is live.js; it and session.js call gql(), so this module may not import
// them: what a refreshed or expired session means for them is wired in by app.js instead.

import { t } from './i18n.js';
import { state } from './state.js';

export class GraphqlError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.code = errors[0]?.extensions?.code;
  }
}

/** What to do after the tokens were refreshed, and after the session could not be refreshed. */
const sessionHooks = { refreshed: () => {}, expired: () => {} };

export function onSessionChange({ refreshed, expired }) {
  sessionHooks.refreshed = refreshed;
  sessionHooks.expired = expired;
}

/** One operation with an optional token; GraphQL errors and network failures both throw. */
export async function post(query, variables, token) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new GraphqlError([{ message: t('networkError'), extensions: { code: 'NETWORK' } }]);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphqlError([{ message: `HTTP ${response.status}` }]);
  }
  if (body.errors?.length) throw new GraphqlError(body.errors);
  return body.data;
}

const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { accessToken refreshToken }
}`;

/** One operation with the officer's token; an expired token is refreshed once, then retried. */
export async function gql(query, variables = {}) {
  if (!state.session) throw new GraphqlError([{ message: t('sessionEnded') }]);
  try {
    return await post(query, variables, state.session.accessToken);
  } catch (error) {
    if (error.code !== 'UNAUTHENTICATED') throw error;
    if (state.session?.refreshToken) {
      try {
        const { refreshSession } = await post(REFRESH, {
          refreshToken: state.session.refreshToken,
        });
        state.session.accessToken = refreshSession.accessToken;
        state.session.refreshToken = refreshSession.refreshToken;
        sessionHooks.refreshed();
        return await post(query, variables, state.session.accessToken);
      } catch {
        // fall through: the session is over
      }
    }
    sessionHooks.expired(t('sessionEnded'));
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

export const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    accessToken refreshToken
    officer { displayName username roles unit { name code } }
  }
}`;
export const LOGOUT = 'mutation Logout { logout }';
/** Any cheap authenticated query: sent only to make gql() refresh an expired token. */
export const ME = 'query Me { me { username } }';

const REFERRAL_FIELDS = `id reference status priority services sla delivery version
  acknowledgeBy acceptBy rejectionReason
  case { id reference title } fromUnit { name code } toUnit { name code }`;
/** A page of 30: the gateway's cost limit counts `first` times the fields of a referral. */
const PAGE = 30;
const PAGE_FIELDS = `totalCount pageInfo { hasNextPage endCursor } edges { node { ${REFERRAL_FIELDS} } }`;
export const QUEUES = {
  inbox: `query Inbox($after: String) { inbox(first: ${PAGE}, after: $after) { ${PAGE_FIELDS} } }`,
  sent: `query Sent($after: String) { sent(first: ${PAGE}, after: $after) { ${PAGE_FIELDS} } }`,
  returned: `query Returned($after: String) {
    sent(first: ${PAGE}, after: $after, status: [REJECTED]) { ${PAGE_FIELDS} }
  }`,
};
export const TRANSITIONS = {
  acknowledge: `mutation Acknowledge($id: ID!, $expectedVersion: Int) {
    acknowledgeReferral(id: $id, expectedVersion: $expectedVersion) { id reference status version }
  }`,
  accept: `mutation Accept($id: ID!, $expectedVersion: Int) {
    acceptReferral(id: $id, expectedVersion: $expectedVersion) { id reference status version }
  }`,
  reject: `mutation Reject($id: ID!, $expectedVersion: Int, $reason: RejectionReason!) {
    rejectReferral(id: $id, expectedVersion: $expectedVersion, reason: $reason) {
      id reference status version
    }
  }`,
};
const CASE_FIELDS = `id reference title status openedAt regionCode exploitationTypes
  leadUnit { name }
  persons { id label sex isChild fullName nationalId passportNumber birthDate phone }
  timeline { seq at action actor { displayName } fromUnit { name } toUnit { name } entryHash }`;
export const CASE_BY_ID = `query CaseById($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
export const CASE_BY_REFERENCE = `query CaseByReference($reference: String!) {
  caseByReference(reference: $reference) { ${CASE_FIELDS} }
}`;
export const CASES = `query Cases { cases(first: 20) { edges { node { id reference title status } } } }`;
/** Sent over the WebSocket by live.js: any event for the officer's unit triggers a reload. */
export const UNIT_EVENTS = 'subscription UnitEvents { unitEvents { seq action } }';
