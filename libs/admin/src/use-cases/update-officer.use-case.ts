import { Injectable } from '@nestjs/common';
import { UnitStore } from '@simpul/agency';
import { badInput } from '@simpul/common';
import {
  OfficerStore,
  Role,
  announceAccessChange,
  type Actor,
  type OfficerEntity,
} from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { adminEntry, assertAdmin, mentionedFields } from '../admin-entry';
import { validDisplayName, validId, validRoles } from '../admin-input';
import type { UpdateOfficerInput } from '../dto/update-officer.input';
import { lockOfficer } from '../officer-lock';

type OfficerChanges = Partial<Pick<OfficerEntity, 'displayName' | 'roles' | 'unitId'>>;

const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && a.every((role) => b.includes(role));

/**
 * updateOfficer: display name, roles, unit. The officer's tokens follow at their next request (and
 * open WebSockets close, to reconnect with the new access). OFFICER_UPDATED carries the id, the
 * resulting unit and roles and the names of the changed fields: never the display name.
 */
@Injectable()
export class UpdateOfficerUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly units: UnitStore,
    private readonly officers: OfficerStore,
  ) {}

  async execute(actor: Actor, id: string, input: UpdateOfficerInput): Promise<OfficerEntity> {
    assertAdmin(actor);
    const next = this.changesOf(input);
    if (id === actor.officerId && next.roles && !next.roles.includes(Role.ADMIN)) {
      // Otherwise the last admin could lock everyone out of administration.
      throw badInput('input.roles', 'cannot remove your own ADMIN role');
    }
    return this.tx.run(async () => {
      const officer = await lockOfficer(this.officers, id);
      if (next.unitId && next.unitId !== officer.unitId) {
        const unit = await this.units.lock(next.unitId, 'share');
        if (!unit) throw badInput('input.unitId', 'names no unit');
      }
      const changed = (Object.keys(next) as (keyof OfficerChanges)[]).filter((field) =>
        field === 'roles'
          ? !sameRoles(next.roles ?? [], officer.roles)
          : next[field] !== officer[field],
      );
      if (!changed.length) return officer;
      Object.assign(officer, next);
      await this.officers.update(officer.id, next);
      // Open WebSockets of the officer were filtered for the old access: they close and reconnect.
      await announceAccessChange(this.tx.manager, officer.id);
      await this.ledger.append([
        adminEntry(HandoffAction.OFFICER_UPDATED, actor, {
          officerId: officer.id,
          unitId: officer.unitId,
          roles: [...officer.roles],
          changed,
        }),
      ]);
      return officer;
    });
  }

  private changesOf(input: UpdateOfficerInput): OfficerChanges {
    if (!mentionedFields(input, ['displayName', 'roles', 'unitId']).length) {
      throw badInput('input', 'names no field to change');
    }
    const next: OfficerChanges = {};
    if (input.displayName !== undefined) {
      if (input.displayName === null) throw badInput('input.displayName', 'cannot be cleared');
      next.displayName = validDisplayName('input.displayName', input.displayName);
    }
    if (input.roles !== undefined) {
      if (input.roles === null) throw badInput('input.roles', 'must not be empty');
      next.roles = validRoles('input.roles', input.roles);
      if (next.roles.some((role) => !Object.values(Role).includes(role))) {
        throw badInput('input.roles', 'names a role that does not exist');
      }
    }
    if (input.unitId !== undefined) {
      if (input.unitId === null) throw badInput('input.unitId', 'cannot be cleared');
      next.unitId = validId('input.unitId', input.unitId);
    }
    return next;
  }
}
