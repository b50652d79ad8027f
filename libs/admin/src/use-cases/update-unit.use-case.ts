import { Injectable } from '@nestjs/common';
import { UnitStore, type UnitChanges, type UnitEntity } from '@simpul/agency';
import { badInput, isUuid, notFound } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { adminEntry, assertAdmin, mentionedFields } from '../admin-entry';
import { validCountryCode, validName, validRegionCode, validTimeZone } from '../admin-input';
import type { UpdateUnitInput } from '../dto/update-unit.input';

/**
 * updateUnit: name, region, country and time zone (new deadlines use the new zone; deadlines
 * already set stay). UNIT_UPDATED names the changed fields, not their values.
 */
@Injectable()
export class UpdateUnitUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly units: UnitStore,
  ) {}

  async execute(actor: Actor, id: string, input: UpdateUnitInput): Promise<UnitEntity> {
    assertAdmin(actor);
    const next = this.changesOf(input);
    if (!isUuid(id)) throw notFound('Unit');
    return this.tx.run(async () => {
      const unit = await this.units.lock(id, 'update');
      if (!unit) throw notFound('Unit');
      const changed = (Object.keys(next) as (keyof UnitChanges)[]).filter(
        (field) => next[field] !== unit[field],
      );
      if (!changed.length) return unit;
      Object.assign(unit, next);
      await this.units.update(id, next);
      await this.ledger.append([
        adminEntry(HandoffAction.UNIT_UPDATED, actor, {
          unitId: unit.id,
          agencyId: unit.agencyId,
          code: unit.code,
          changed,
        }),
      ]);
      return unit;
    });
  }

  private changesOf(input: UpdateUnitInput): UnitChanges {
    if (!mentionedFields(input, ['name', 'regionCode', 'countryCode', 'timeZone']).length) {
      throw badInput('input', 'names no field to change');
    }
    const next: UnitChanges = {};
    if (input.name !== undefined) {
      if (input.name === null) throw badInput('input.name', 'cannot be cleared');
      next.name = validName('input.name', input.name);
    }
    if (input.timeZone !== undefined) {
      if (input.timeZone === null) throw badInput('input.timeZone', 'cannot be cleared');
      next.timeZone = validTimeZone('input.timeZone', input.timeZone);
    }
    if (input.regionCode !== undefined) {
      next.regionCode = validRegionCode('input.regionCode', input.regionCode);
    }
    if (input.countryCode !== undefined) {
      next.countryCode = validCountryCode('input.countryCode', input.countryCode);
    }
    return next;
  }
}
