import { graphql, type ResultOf } from '../../graphql/graphql';

export const HANDOFF_STATS = graphql(`
  query HandoffStats($from: DateTime, $to: DateTime) {
    handoffStats(from: $from, to: $to) {
      agency {
        id
        code
        name
      }
      received
      accepted
      rejected
      redirected
      breached
      medianMinutesToReceive
      medianMinutesToAccept
    }
  }
`);
export type AgencyStats = ResultOf<typeof HANDOFF_STATS>['handoffStats'][number];

export const PING_PONG_CASES = graphql(`
  query PingPongCases {
    pingPongCases {
      caseId
      caseReference
      provinceCode
      bounces
      lastBounceAt
      case {
        id
      }
    }
  }
`);
