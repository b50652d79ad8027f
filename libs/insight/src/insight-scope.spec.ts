import { Role, type Actor } from '@simpul/identity';
import { insightScopeOf } from './insight-scope';

const actor = (...roles: Role[]): Actor => ({
  officerId: 'o',
  username: 'u',
  unitId: 'unit',
  agencyId: 'agency',
  roles,
});
const gtNtt = { agencyKind: 'GUGUS_TUGAS', regionCode: '53' };
const gtPusat = { agencyKind: 'GUGUS_TUGAS', regionCode: null };
const kemlu = { agencyKind: 'KEMLU', regionCode: null };

describe('insightScopeOf', () => {
  it('gives auditors the whole country, wherever their unit is', () => {
    expect(insightScopeOf(actor(Role.AUDITOR), kemlu)).toEqual({ provinceCode: null });
  });

  it('gives a provincial Gugus Tugas its province and the national one the country', () => {
    expect(insightScopeOf(actor(Role.SUPERVISOR), gtNtt)).toEqual({ provinceCode: '53' });
    expect(insightScopeOf(actor(Role.DESK_OFFICER), { ...gtNtt, regionCode: '53.71' })).toEqual({
      provinceCode: '53',
    });
    expect(insightScopeOf(actor(Role.DESK_OFFICER), gtPusat)).toEqual({ provinceCode: null });
  });

  it('refuses officers of other agencies and administrators of the Gugus Tugas unit', () => {
    expect(insightScopeOf(actor(Role.SUPERVISOR), kemlu)).toBeNull();
    expect(
      insightScopeOf(actor(Role.INVESTIGATOR), { agencyKind: 'POLRI', regionCode: '53' }),
    ).toBeNull();
    expect(insightScopeOf(actor(Role.ADMIN), gtPusat)).toBeNull();
  });
});
