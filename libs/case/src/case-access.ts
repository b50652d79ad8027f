import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { forbidden, isUuid, notFound } from '@simpul/common';
import { Role, type Actor } from '@simpul/identity';
import { CaseEntity } from './entities/case.entity';

/**
 * Who may see a case (docs/architecture.md, access): its parties — recorded in case_party — and
 * auditors (read-only). A SUPERVISOR acts for every unit of its agency. Everyone else gets
 * NOT_FOUND, never FORBIDDEN, so that a case's existence does not leak.
 */
@Injectable()
export class CaseAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  static isAuditor(actor: Actor): boolean {
    return actor.roles.includes(Role.AUDITOR);
  }

  /** Units the actor acts for: its own, or every unit of its agency for a SUPERVISOR. */
  async actingUnitIds(
    actor: Actor,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (!actor.roles.includes(Role.SUPERVISOR)) return [actor.unitId];
    const rows: { id: string }[] = await manager.query('SELECT id FROM unit WHERE agency_id = $1', [
      actor.agencyId,
    ]);
    return rows.map((row) => row.id);
  }

  /** True when one of the actor's units is a party of the case. Auditors are not parties. */
  async isParty(
    actor: Actor,
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const units = await this.actingUnitIds(actor, manager);
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM case_party WHERE case_id = $1 AND unit_id = ANY($2::uuid[]) LIMIT 1',
      [caseId, units],
    );
    return rows.length > 0;
  }

  /** The case if the actor may read it (party or auditor), else NOT_FOUND. */
  async readableCase(
    actor: Actor,
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseEntity> {
    if (!isUuid(caseId)) throw notFound('Case');
    const found = await manager.findOneBy(CaseEntity, { id: caseId });
    if (!found) throw notFound('Case');
    if (CaseAccess.isAuditor(actor) || (await this.isParty(actor, caseId, manager))) return found;
    throw notFound('Case');
  }

  /**
   * The case, locked for update, when the actor acts for its lead unit: NOT_FOUND for non-parties,
   * FORBIDDEN for other parties. Concurrent writers of one case serialise on the lock.
   */
  async lockAsLeadUnit(
    actor: Actor,
    caseId: string,
    manager: EntityManager,
    what: string,
  ): Promise<CaseEntity> {
    const found = await this.readableCase(actor, caseId, manager);
    const acting = await this.actingUnitIds(actor, manager);
    if (!acting.includes(found.leadUnitId)) throw forbidden(`Only the lead unit ${what}`);
    return manager
      .createQueryBuilder(CaseEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id: caseId })
      .getOneOrFail();
  }

  /** Records units as parties of a case, in the caller's transaction. */
  async addParties(manager: EntityManager, caseId: string, unitIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO case_party (case_id, unit_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [caseId, [...new Set(unitIds)]],
    );
  }
}
