import { Injectable } from '@nestjs/common';
import { UnitStore } from '@simpul/agency';
import { badInput } from '@simpul/common';
import {
  OfficerStore,
  PasswordHasher,
  Role,
  validNewPassword,
  type Actor,
  type OfficerEntity,
} from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
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
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly hasher: PasswordHasher,
    private readonly units: UnitStore,
    private readonly officers: OfficerStore,
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
    return this.tx.run(async () => {
      const unit = await this.units.lock(unitId, 'share');
      if (!unit) throw badInput('input.unitId', 'names no unit');
      const officer = await this.officers.insert({
        username,
        displayName,
        passwordHash,
        roles,
        unitId,
      });
      if (!officer) throw badInput('input.username', 'is already taken');
      await this.ledger.append([
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
