import { Injectable } from '@nestjs/common';
import { AgencyStore, UnitStore, type UnitEntity } from '@simpul/agency';
import { badInput } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { adminEntry, assertAdmin } from '../admin-entry';
import {
  validCode,
  validCountryCode,
  validId,
  validName,
  validRegionCode,
  validTimeZone,
} from '../admin-input';
import type { CreateUnitInput } from '../dto/create-unit.input';

/** createUnit: a new unit of an agency with a unique code; UNIT_CREATED in the same transaction. */
@Injectable()
export class CreateUnitUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly agencies: AgencyStore,
    private readonly units: UnitStore,
  ) {}

  async execute(actor: Actor, input: CreateUnitInput): Promise<UnitEntity> {
    assertAdmin(actor);
    const agencyId = validId('input.agencyId', input.agencyId);
    const values = {
      code: validCode('input.code', input.code),
      name: validName('input.name', input.name),
      regionCode: validRegionCode('input.regionCode', input.regionCode),
      countryCode: validCountryCode('input.countryCode', input.countryCode),
      timeZone: validTimeZone('input.timeZone', input.timeZone),
    };
    return this.tx.run(async () => {
      // Shared lock: the agency cannot disappear or change under the new unit.
      const agency = await this.agencies.lock(agencyId, 'share');
      if (!agency) throw badInput('input.agencyId', 'names no agency');
      const unit = await this.units.insert({ ...values, agencyId });
      if (!unit) throw badInput('input.code', 'is already the code of another unit');
      await this.ledger.append([
        adminEntry(HandoffAction.UNIT_CREATED, actor, {
          unitId: unit.id,
          agencyId,
          code: unit.code,
          agencyKind: agency.kind,
        }),
      ]);
      return unit;
    });
  }
}
