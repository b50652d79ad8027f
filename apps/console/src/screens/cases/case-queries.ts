import { QueueReferral } from '../../graphql/fragments';
import { graphql } from '../../graphql/graphql';

export const CaseSummary = graphql(`
  fragment CaseSummary on Case {
    id
    reference
    title
    status
    regionCode
    exploitationTypes
    openedAt
    leadUnit {
      id
      name
    }
  }
`);

export const CASES = graphql(
  `
    query Cases($first: Int = 100) {
      cases(first: $first) {
        totalCount
        edges {
          node {
            ...CaseSummary
          }
        }
      }
    }
  `,
  [CaseSummary],
);

/** The auditor's search: filtered and paged on the server, so it reaches every case. */
export const SEARCH_CASES = graphql(
  `
    query SearchCases($filter: CaseFilterInput, $first: Int = 50, $after: String) {
      cases(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...CaseSummary
          }
        }
      }
    }
  `,
  [CaseSummary],
);

export const CasePersons = graphql(`
  fragment CasePersons on Case {
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
`);

export const CASE = graphql(
  `
    query Case($id: ID!) {
      case(id: $id) {
        ...CaseSummary
        ...CasePersons
        summary
        referrals {
          ...QueueReferral
        }
      }
    }
  `,
  [CaseSummary, CasePersons, QueueReferral],
);

export const OPEN_CASE = graphql(
  `
    mutation OpenCase($input: OpenCaseInput!) {
      openCase(input: $input) {
        ...CaseSummary
      }
    }
  `,
  [CaseSummary],
);

export const ADD_PERSON = graphql(`
  mutation AddPerson($caseId: ID!, $input: PersonInput!) {
    addPerson(caseId: $caseId, input: $input) {
      id
      label
    }
  }
`);
