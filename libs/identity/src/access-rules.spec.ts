import { actsForUnit, hasRole, isSupervisorOfAgency } from './access-rules';
import type { Actor } from './actor';
import { Role } from './role';

const actor = (roles: Role[], unitId = 'unit-bp3mi-ntt', agencyId = 'agency-kp2mi'): Actor => ({
  officerId: 'officer-1',
  username: 'someone',
  unitId,
  agencyId,
  roles,
});

const ownUnit = { id: 'unit-bp3mi-ntt', agencyId: 'agency-kp2mi' };
const sisterUnit = { id: 'unit-kp2mi-pusat', agencyId: 'agency-kp2mi' };
const foreignUnit = { id: 'unit-polda-ntt', agencyId: 'agency-polri' };

describe('actsForUnit', () => {
  it('lets a desk officer act for its own unit only', () => {
    const desk = actor([Role.DESK_OFFICER]);
    expect(actsForUnit(desk, ownUnit)).toBe(true);
    expect(actsForUnit(desk, sisterUnit)).toBe(false);
    expect(actsForUnit(desk, foreignUnit)).toBe(false);
  });

  it('lets a supervisor act for every unit of its own agency', () => {
    const supervisor = actor([Role.SUPERVISOR]);
    expect(actsForUnit(supervisor, ownUnit)).toBe(true);
    expect(actsForUnit(supervisor, sisterUnit)).toBe(true);
  });

  it('does not let a supervisor act for another agency', () => {
    expect(actsForUnit(actor([Role.SUPERVISOR]), foreignUnit)).toBe(false);
  });

  it('gives an auditor or admin no unit rights beyond its own unit', () => {
    expect(actsForUnit(actor([Role.AUDITOR]), sisterUnit)).toBe(false);
    expect(actsForUnit(actor([Role.ADMIN]), sisterUnit)).toBe(false);
  });
});

describe('isSupervisorOfAgency', () => {
  it('is true only for a SUPERVISOR of that very agency', () => {
    expect(isSupervisorOfAgency(actor([Role.SUPERVISOR]), 'agency-kp2mi')).toBe(true);
    expect(isSupervisorOfAgency(actor([Role.SUPERVISOR]), 'agency-polri')).toBe(false);
    expect(isSupervisorOfAgency(actor([Role.DESK_OFFICER]), 'agency-kp2mi')).toBe(false);
  });
});

describe('hasRole', () => {
  it('checks the actor roles', () => {
    expect(hasRole(actor([Role.INVESTIGATOR, Role.DESK_OFFICER]), Role.INVESTIGATOR)).toBe(true);
    expect(hasRole(actor([Role.DESK_OFFICER]), Role.ADMIN)).toBe(false);
  });
});
