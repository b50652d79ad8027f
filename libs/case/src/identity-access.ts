import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Role, type Actor } from '@simpul/identity';
import { CaseAccess } from './case-access';
import type { AccessBasis } from './entities/person-access.entity';

/** Why a caller may see a person's identity: as the lead unit, or through a referral naming them. */
export interface IdentityGrant {
  basis: AccessBasis;
  referralId: string | null;
}

/**
 * Referral statuses in which the receiving unit keeps need-to-know (docs/architecture.md):
 * while the referral is open, and after it was COMPLETED or FAILED. REJECTED, REDIRECTED and
 * CANCELLED end that receiver's access.
 */
const GRANTING_STATUSES = [
  'REQUESTED',
  'RECEIVED',
  'ACCEPTED',
  'IN_PROGRESS',
  'ON_HOLD',
  'COMPLETED',
  'FAILED',
];

/**
 * Need-to-know on victim identity (UU 21/2007 Art. 44): the lead unit and the receivers of
 * referrals that named the person. Auditors and administrators never; children never beyond that
 * set. Decided from the database on every request, never cached.
 */
@Injectable()
export class IdentityAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  /** Grants of the actor on the persons of one case, by person id. */
  async grants(
    actor: Actor,
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, IdentityGrant>> {
    const grants = new Map<string, IdentityGrant>();
    if (actor.roles.includes(Role.AUDITOR) || !actor.roles.some((r) => r !== Role.ADMIN))
      return grants;
    const units = await this.access.actingUnitIds(actor, manager);
    const lead: unknown[] = await manager.query(
      'SELECT 1 FROM "case" WHERE id = $1 AND lead_unit_id = ANY($2::uuid[])',
      [caseId, units],
    );
    if (lead.length) {
      const persons: { id: string }[] = await manager.query(
        'SELECT id FROM person WHERE case_id = $1',
        [caseId],
      );
      for (const { id } of persons) grants.set(id, { basis: 'LEAD_UNIT', referralId: null });
      return grants;
    }
    // Read the referral tables directly: the case lib must not depend on the referral lib.
    const named: { person_id: string; referral_id: string }[] = await manager.query(
      `SELECT DISTINCT ON (rp.person_id) rp.person_id, r.id AS referral_id
         FROM referral_person rp JOIN referral r ON r.id = rp.referral_id
        WHERE r.case_id = $1 AND r.to_unit_id = ANY($2::uuid[]) AND r.status = ANY($3)
        ORDER BY rp.person_id, r.sent_at DESC`,
      [caseId, units, GRANTING_STATUSES],
    );
    for (const row of named)
      grants.set(row.person_id, { basis: 'REFERRAL', referralId: row.referral_id });
    return grants;
  }
}
