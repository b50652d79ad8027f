import { useEffect } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../graphql/graphql';
import type { Officer } from '../session/session';
import { addArrival, liveTick } from './arrivals';

const UNIT_EVENTS = graphql(`
  subscription UnitEvents {
    unitEvents {
      seq
      action
      referral {
        id
        reference
        toUnit {
          id
          agency {
            id
          }
        }
      }
    }
  }
`);

/**
 * Listens to the unit's ledger events for as long as the officer is signed in. A referral
 * delivered to one of the officer's units counts as a new arrival; every event refreshes the
 * queues on screen.
 */
export function LiveEvents({ officer }: { officer: Officer }) {
  const [{ data }] = useSubscription({ query: UNIT_EVENTS });
  const event = data?.unitEvents;
  useEffect(() => {
    if (!event) return;
    liveTick.set(liveTick.get() + 1);
    const to = event.referral?.toUnit;
    const supervisor = officer.roles.includes('SUPERVISOR');
    const mine =
      to && (to.id === officer.unit.id || (supervisor && to.agency.id === officer.unit.agency.id));
    if (event.action === 'REFERRAL_DELIVERED' && mine && event.referral)
      addArrival(event.referral.id);
  }, [event, officer]);
  return null;
}
