import { Injectable } from '@nestjs/common';
import { UnitReader } from '@simpul/agency';
import { CaseAccess } from '@simpul/case';
import { Role, type Actor } from '@simpul/identity';
import type { CallerStanding } from './referral-state-machine';
import type { ReferralEntity } from './entities/referral.entity';

/**
 * How a caller stands to a referral: its own unit on either side, or a SUPERVISOR of the agency
 * that side belongs to; and whether it may read it at all (case party or auditor).
 */
@Injectable()
export class ReferralStanding {
  constructor(
    private readonly access: CaseAccess,
    private readonly units: UnitReader,
  ) {}

  async of(actor: Actor, referral: ReferralEntity): Promise<CallerStanding> {
    const supervisor = actor.roles.includes(Role.SUPERVISOR);
    let fromAgency: string | undefined;
    let toAgency: string | undefined;
    if (supervisor) {
      const agencyOf = await this.units.agencyIdsOf([referral.fromUnitId, referral.toUnitId]);
      fromAgency = agencyOf.get(referral.fromUnitId);
      toAgency = agencyOf.get(referral.toUnitId);
    }
    const actsForSender =
      actor.unitId === referral.fromUnitId || (supervisor && fromAgency === actor.agencyId);
    const actsForReceiver =
      actor.unitId === referral.toUnitId || (supervisor && toAgency === actor.agencyId);
    const canSee =
      actsForSender ||
      actsForReceiver ||
      CaseAccess.isAuditor(actor) ||
      (await this.access.isParty(actor, referral.caseId));
    return { actsForSender, actsForReceiver, canSee };
  }
}
