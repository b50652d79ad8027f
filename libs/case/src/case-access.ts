import { Injectable } from '@nestjs/common';
import { UnitReader } from '@simpul/agency';
import { forbidden, isUuid, loaderFor, notFound, type RequestContext } from '@simpul/common';
import { Role, type Actor } from '@simpul/identity';
import { TransactionHost } from '@simpul/database';
import type { CaseStatus } from './case-enums';
import { CaseEntity } from './entities/case.entity';
import { addCasePartiesSql, casePartySql } from './case-party.sql';

/**
 * How a caller stands to one case: what the need-to-know rules inside a case are decided from
 * (docs/access-model.md). `visible` is the case rule itself: a party, or an auditor.
 */
export interface CaseStanding {
  caseId: string;
  leadUnitId: string;
  auditor: boolean;
  /** Units the caller acts for in casework (see CaseAccess.caseworkUnitIds). */
  actingUnitIds: readonly string[];
  /** One of those units is a party of the case. */
  party: boolean;
  /** May read the case at all. */
  visible: boolean;
}

/**
 * Who may see a case (docs/architecture.md, access; docs/access-model.md): its parties — recorded in case_party — and
 * auditors (read-only). A SUPERVISOR acts for every unit of its agency. Everyone else gets
 * NOT_FOUND, never FORBIDDEN, so that a case's existence does not leak.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly tx: TransactionHost,
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

  /**
   * Units the actor acts for in casework: as actingUnitIds, but none for an officer whose only role
   * is ADMIN — administration is not casework, so an administrator is never a case party, even if
   * someone referred a case to the administration's unit.
   */
  async caseworkUnitIds(actor: Actor): Promise<string[]> {
    if (!actor.roles.some((role) => role !== Role.ADMIN)) return [];
    return this.actingUnitIds(actor);
  }

  /** caseworkUnitIds, read once per request. */
  caseworkUnitsIn(context: RequestContext, actor: Actor): Promise<string[]> {
    return loaderFor<string[]>(context, 'case.casework-units', (officerIds) =>
      Promise.all(officerIds.map(() => this.caseworkUnitIds(actor))),
    )
      .load(actor.officerId)
      .then((units) => units ?? []);
  }

  /**
   * The actor's standing to each of these cases, in one query; unknown ids are absent. Pass the
   * casework units when already known (a request reads them once).
   */
  async standings(
    actor: Actor,
    caseIds: readonly string[],
    units?: readonly string[],
  ): Promise<Map<string, CaseStanding>> {
    const ids = [...new Set(caseIds)].filter(isUuid);
    if (!ids.length) return new Map();
    const actingUnitIds = units ?? (await this.caseworkUnitIds(actor));
    const auditor = CaseAccess.isAuditor(actor);
    const rows: { id: string; lead_unit_id: string; party: boolean }[] =
      await this.tx.manager.query(
        `SELECT c.id, c.lead_unit_id,
              EXISTS (SELECT 1 FROM case_party p
                       WHERE p.case_id = c.id AND p.unit_id = ANY($2::uuid[])) AS party
         FROM "case" c WHERE c.id = ANY($1::uuid[])`,
        [ids, actingUnitIds],
      );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          caseId: row.id,
          leadUnitId: row.lead_unit_id,
          auditor,
          actingUnitIds,
          party: row.party,
          visible: auditor || row.party,
        },
      ]),
    );
  }

  /** The actor's standing to a case, batched with the other cases of the same request. */
  async standingIn(
    context: RequestContext,
    actor: Actor,
    caseId: string,
  ): Promise<CaseStanding | null> {
    const units = await this.caseworkUnitsIn(context, actor);
    return loaderFor<CaseStanding>(context, 'case.standing', async (ids) => {
      // A batch reads outside any transaction, whichever load() came first (as every loader).
      const found = await this.tx.outside(() => this.standings(actor, ids, units));
      return ids.map((id) => found.get(id) ?? null);
    }).load(caseId);
  }

  /** True when one of the actor's units is a party of the case. Auditors are not parties. */
  async isParty(actor: Actor, caseId: string): Promise<boolean> {
    const units = await this.caseworkUnitIds(actor);
    const [{ party }]: { party: boolean }[] = await this.tx.manager.query(
      `SELECT ${casePartySql('$1', '$2')} AS party`,
      [caseId, units],
    );
    return party;
  }

  /** The case if the actor may read it (party or auditor), else NOT_FOUND. */
  async readableCase(actor: Actor, caseId: string): Promise<CaseEntity> {
    if (!isUuid(caseId)) throw notFound('Case');
    const found = await this.tx.manager.findOneBy(CaseEntity, { id: caseId });
    if (!found) throw notFound('Case');
    if (CaseAccess.isAuditor(actor) || (await this.isParty(actor, caseId))) return found;
    throw notFound('Case');
  }

  /**
   * The case, locked for update, when the actor acts for its lead unit: NOT_FOUND for non-parties,
   * FORBIDDEN for other parties. Concurrent writers of one case serialise on the lock.
   */
  async lockAsLeadUnit(actor: Actor, caseId: string, what: string): Promise<CaseEntity> {
    const found = await this.readableCase(actor, caseId);
    const acting = await this.caseworkUnitIds(actor);
    if (!acting.includes(found.leadUnitId)) throw forbidden(`Only the lead unit ${what}`);
    return this.tx.manager
      .createQueryBuilder(CaseEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id: caseId })
      .getOneOrFail();
  }

  /**
   * The case's status, share-locked until the current transaction ends (a concurrent closeCase
   * waits for it), or null when there is no such case: for a use case of another context that
   * links or raises something about an open case.
   */
  async shareLockedStatus(caseId: string): Promise<CaseStatus | null> {
    const [found]: { status: CaseStatus }[] = await this.tx.manager.query(
      'SELECT status FROM "case" WHERE id = $1 FOR SHARE',
      [caseId],
    );
    return found?.status ?? null;
  }

  /** Records units as parties of a case, in the caller's transaction. */
  async addParties(caseId: string, unitIds: string[]): Promise<void> {
    await this.tx.manager.query(addCasePartiesSql('$1', '$2'), [caseId, [...new Set(unitIds)]]);
  }
}
