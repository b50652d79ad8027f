import { Injectable } from '@nestjs/common';
import { UnitReader } from '@simpul/agency';
import { forbidden, isUuid, notFound } from '@simpul/common';
import { Role, type Actor } from '@simpul/identity';
import { CasePartyRepository } from './case-party.repository';
import { CaseRepository } from './case.repository';
import type { CaseEntity } from './entities/case.entity';

/**
 * Who may see a case (docs/architecture.md, access): its parties — recorded in case_party —
 * and auditors (read-only). A SUPERVISOR acts for every unit of its agency. Everyone else gets
 * NOT_FOUND, never FORBIDDEN, so that a case's existence does not leak. Inside a use case the
 * checks read through its transaction (it travels with the request).
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly cases: CaseRepository,
    private readonly parties: CasePartyRepository,
    private readonly units: UnitReader,
  ) {}

  static isAuditor(actor: Actor): boolean {
    return actor.roles.includes(Role.AUDITOR);
  }

  /** Units the actor acts for: its own, or every unit of its agency for a SUPERVISOR. */
  async actingUnitIds(actor: Actor): Promise<string[]> {
    if (!actor.roles.includes(Role.SUPERVISOR)) return [actor.unitId];
    return this.units.unitIdsOfAgency(actor.agencyId);
  }

  /** True when one of the actor's units is a party of the case. Auditors are not parties. */
  async isParty(actor: Actor, caseId: string): Promise<boolean> {
    return this.parties.anyIsParty(caseId, await this.actingUnitIds(actor));
  }

  /** True when one of the actor's units leads the case. */
  async isLeadUnit(actor: Actor, caseId: string): Promise<boolean> {
    return this.cases.isLedBy(caseId, await this.actingUnitIds(actor));
  }

  /** The case if the actor may read it (party or auditor), else NOT_FOUND. */
  async readableCase(actor: Actor, caseId: string): Promise<CaseEntity> {
    if (!isUuid(caseId)) throw notFound('Case');
    const found = await this.cases.byId(caseId);
    if (!found) throw notFound('Case');
    if (CaseAccess.isAuditor(actor) || (await this.isParty(actor, caseId))) return found;
    throw notFound('Case');
  }

  /**
   * The case, locked for update, when the actor acts for its lead unit: NOT_FOUND for non-parties,
   * FORBIDDEN for other parties. Concurrent writers of one case serialise on the lock. Runs in the
   * caller's transaction.
   */
  async lockAsLeadUnit(actor: Actor, caseId: string, what: string): Promise<CaseEntity> {
    const found = await this.readableCase(actor, caseId);
    const acting = await this.actingUnitIds(actor);
    if (!acting.includes(found.leadUnitId)) throw forbidden(`Only the lead unit ${what}`);
    return this.cases.lockForUpdate(caseId);
  }

  /** Records units as parties of a case, in the caller's transaction. */
  async addParties(caseId: string, unitIds: string[]): Promise<void> {
    await this.parties.add(caseId, unitIds);
  }

  /**
   * The status of an existing case, share-locked for the caller's transaction (a concurrent close
   * waits); null when there is no such case.
   */
  lockStatusForShare(caseId: string): Promise<CaseEntity['status'] | null> {
    return isUuid(caseId) ? this.cases.statusForShare(caseId) : Promise.resolve(null);
  }
}
