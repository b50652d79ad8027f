import { Inject, Injectable } from '@nestjs/common';
import { Role, type Actor } from '@simpul/identity';
import { TransactionHost } from '@simpul/database';
import { CaseAccess } from './case-access';
import { CASE_REFERRALS, type CaseReferrals } from './case-referrals.port';
import type { AccessBasis } from './entities/person-access.entity';

/** Why a caller may see a person's identity: as the lead unit, or through a referral naming them. */
export interface IdentityGrant {
  basis: AccessBasis;
  referralId: string | null;
}

/**
 * Need-to-know on victim identity (UU 21/2007 Art. 44): the lead unit and the receivers of
 * referrals that named the person. Auditors and administrators never; children never beyond that
 * set. Decided from the database on every request, never cached.
 */
@Injectable()
export class IdentityAccess {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: CaseAccess,
    @Inject(CASE_REFERRALS) private readonly referrals: CaseReferrals,
  ) {}

  /** Grants of the actor on the persons of one case, by person id. */
  async grants(actor: Actor, caseId: string): Promise<Map<string, IdentityGrant>> {
    const grants = new Map<string, IdentityGrant>();
    if (actor.roles.includes(Role.AUDITOR) || !actor.roles.some((r) => r !== Role.ADMIN))
      return grants;
    const units = await this.access.actingUnitIds(actor);
    const lead: unknown[] = await this.tx.manager.query(
      'SELECT 1 FROM "case" WHERE id = $1 AND lead_unit_id = ANY($2::uuid[])',
      [caseId, units],
    );
    if (lead.length) {
      const persons: { id: string }[] = await this.tx.manager.query(
        'SELECT id FROM person WHERE case_id = $1',
        [caseId],
      );
      for (const { id } of persons) grants.set(id, { basis: 'LEAD_UNIT', referralId: null });
      return grants;
    }
    // The referral lib decides which referrals keep their receiver's need-to-know (the port).
    for (const { personId, referralId } of await this.referrals.namingReferrals(caseId, units))
      grants.set(personId, { basis: 'REFERRAL', referralId });
    return grants;
  }
}
