import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UnitEntity } from '@simpul/agency';
import { badInput } from '@simpul/common';
import {
  OfficerEntity,
  PasswordHasher,
  Role,
  validNewPassword,
  type Actor,
} from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { adminEntry, assertAdmin } from '../admin-entry';
import { validDisplayName, validId, validRoles, validUsername } from '../admin-input';
import type { CreateOfficerInput } from '../dto/create-officer.input';

/**
 * createOfficer: a new, active officer of a unit with an initial password set by the admin.
 * OFFICER_CREATED carries the officer's id, unit and roles: no username, name or password.
 */
@Injectable()
export class CreateOfficerUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(actor: Actor, input: CreateOfficerInput): Promise<OfficerEntity> {
    assertAdmin(actor);
    const username = validUsername('input.username', input.username);
    const displayName = validDisplayName('input.displayName', input.displayName);
    const roles = validRoles('input.roles', input.roles);
    if (roles.some((role) => !Object.values(Role).includes(role))) {
      throw badInput('input.roles', 'names a role that does not exist');
    }
    const unitId = validId('input.unitId', input.unitId);
    const password = validNewPassword('input.password', input.password, username);
    // scrypt before the transaction: no row lock is held while it runs.
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      const unit = await manager.findOne(UnitEntity, {
        where: { id: unitId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!unit) throw badInput('input.unitId', 'names no unit');
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO officer (username, display_name, password_hash, roles, unit_id)
         VALUES ($1, $2, $3, $4::text[], $5)
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [username, displayName, passwordHash, roles, unitId],
      );
      if (!row) throw badInput('input.username', 'is already taken');
      const officer = await manager.findOneByOrFail(OfficerEntity, { id: row.id });
      await this.ledger.append(manager, [
        adminEntry(HandoffAction.OFFICER_CREATED, actor, {
          officerId: officer.id,
          unitId,
          roles: [...roles],
        }),
      ]);
      return officer;
    });
  }
}
