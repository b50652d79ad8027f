import { graphql } from '../../graphql/graphql';

export const OVERDUE = graphql(`
  query Overdue($first: Int = 100) {
    overdue(first: $first) {
      totalCount
      edges {
        node {
          id
          reference
          priority
          status
          deadline
          dueAt
          escalationLevel
          referral {
            id
          }
          fromUnit {
            id
            name
          }
          toUnit {
            id
            name
            timeZone
          }
        }
      }
    }
  }
`);
