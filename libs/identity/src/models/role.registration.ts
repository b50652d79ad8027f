import { registerEnumType } from '@nestjs/graphql';
import { Role } from '../role';

registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    DESK_OFFICER: { description: 'sends, acknowledges, accepts, rejects referrals for its unit' },
    SUPERVISOR: {
      description:
        'desk officer rights + reassign/override within its agency, receives escalations',
    },
    INVESTIGATOR: { description: 'police: raises alerts, sees police-only fields' },
    AUDITOR: { description: 'reads timelines, audit ledger and statistics; no victim identities' },
    ADMIN: { description: 'manages agencies, units, officers, routing rules' },
  },
});
