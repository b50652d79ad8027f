import { registerEnumType } from '@nestjs/graphql';
import { Role } from '../role';

registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    DESK_OFFICER: {
      description:
        'opens cases, sends referrals, and acknowledges, accepts, rejects, redirects and works those addressed to its unit',
    },
    SUPERVISOR: {
      description:
        'desk officer rights for every unit of its own agency: sees their cases and acts as their sender or receiver',
    },
    INVESTIGATOR: {
      description:
        'police investigator: desk officer rights for its unit, raises alerts, and reads and writes the police notes of cases its unit is a party of',
    },
    AUDITOR: {
      description:
        'reads every case, referral and handoff timeline; changes nothing; never sees victim identities',
    },
    ADMIN: { description: 'manages agencies, units and officers; sees no case' },
  },
});
