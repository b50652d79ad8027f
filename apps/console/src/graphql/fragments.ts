import { graphql, type ResultOf } from './graphql';

export const UnitFields = graphql(`
  fragment UnitFields on Unit {
    id
    code
    name
    timeZone
    regionCode
    countryCode
    agency {
      id
      code
      name
      kind
    }
  }
`);

/**
 * What a queue row or card shows of a referral. The unit fields are written out rather than
 * spread from UnitFields: the gateway's depth limit counts each fragment spread as a level.
 */
export const QueueReferral = graphql(`
  fragment QueueReferral on Referral {
    id
    reference
    status
    priority
    services
    sla
    escalationLevel
    overdue
    delivery
    version
    sentAt
    acknowledgeBy
    acceptBy
    acknowledgedAt
    acceptedAt
    closedAt
    rejectionReason
    statusNote
    summary
    case {
      id
      reference
      regionCode
    }
    fromUnit {
      id
      code
      name
      timeZone
      regionCode
      countryCode
      agency {
        id
        code
        name
        kind
      }
    }
    toUnit {
      id
      code
      name
      timeZone
      regionCode
      countryCode
      agency {
        id
        code
        name
        kind
      }
    }
  }
`);

export type QueueReferralData = ResultOf<typeof QueueReferral>;
export type UnitData = ResultOf<typeof UnitFields>;
