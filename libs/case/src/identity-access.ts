import { Inject, Injectable } from '@nestjs/common';
import { Role, type Actor } from '@simpul/identity';
import { CaseAccess } from './case-access';
import { CASE_REFERRALS, type CaseReferralsPort } from './case-referrals.port';
import { CaseRepository } from './case.repository';
import type { AccessBasis } from './entities/person-access.entity';
import { PersonRepository } from './person.repository';

/** Why a caller may see a person's identity: as the lead unit, or through a referral naming them. */
export interface IdentityGrant {
  basis: AccessBasis;
  referralId: string | null;
}

/**
 * Need-to-know on victim identity (UU 21/2007 Art. 44): the lead unit and the receivers of
 * referrals that named the person, while the referral lib says the referral grants it. Auditors
 * and administrators never; children never beyond that set. Decided from the database on every
 * request, never cached.
 */
@Injectable()
export class IdentityAccess {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseRepository,
    private readonly persons: PersonRepository,
    @Inject(CASE_REFERRALS) private readonly referrals: CaseReferralsPort,
  ) {}

  /** Grants of the actor on the persons of one case, by person id. */
  async grants(actor: Actor, caseId: string): Promise<Map<string, IdentityGrant>> {
    const grants = new Map<string, IdentityGrant>();
    if (actor.roles.includes(Role.AUDITOR) || !actor.roles.some((r) => r !== Role.ADMIN))
      return grants;
    const units = await this.access.actingUnitIds(actor);
    if (await this.cases.isLedBy(caseId, units)) {
      for (const id of await this.persons.idsOfCase(caseId)) {
        grants.set(id, { basis: 'LEAD_UNIT', referralId: null });
      }
      return grants;
    }
    for (const named of await this.referrals.namedPersons(caseId, units)) {
      grants.set(named.personId, { basis: 'REFERRAL', referralId: named.referralId });
    }
    return grants;
  }
}
