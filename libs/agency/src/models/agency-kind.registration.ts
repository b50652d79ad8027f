import { registerEnumType } from '@nestjs/graphql';
import { AgencyKind } from '../agency-kind';

registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  valuesMap: {
    KEMLU: { description: 'Ministry of Foreign Affairs (Dit. PWNI) and missions abroad' },
    KP2MI: { description: 'Migrant worker protection (formerly BP2MI), incl. BP3MI/P4MI units' },
    KEMNAKER: { description: 'Manpower' },
    KEMENSOS: { description: 'Social affairs, incl. RPTC/Sentra shelters' },
    POLRI: { description: 'Police: Bareskrim PPA-PPO, Polda, Polres' },
    PEMDA: { description: 'Regional government: UPTD PPA, Dinsos, Disnaker, DP3A' },
    KEMENPPPA: { description: 'Women empowerment and child protection' },
    LPSK: { description: 'Witness and victim protection agency' },
    IMIGRASI: { description: 'Immigration' },
    GUGUS_TUGAS: {
      description: 'Anti-trafficking task force secretariats (national/provincial/regency)',
    },
    MITRA: { description: 'NGO / international organisation / community service centre' },
  },
});
