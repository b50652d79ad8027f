import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AgencyEntity, UnitEntity } from '@simpul/agency';
import { badInput } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
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
    return this.dataSource.transaction(async (manager) => {
      // Shared lock: the agency cannot disappear or change under the new unit.
      const agency = await manager.findOne(AgencyEntity, {
        where: { id: agencyId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!agency) throw badInput('input.agencyId', 'names no agency');
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO unit (code, name, agency_id, region_code, country_code, time_zone)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [
          values.code,
          values.name,
          agencyId,
          values.regionCode,
          values.countryCode,
          values.timeZone,
        ],
      );
      if (!row) throw badInput('input.code', 'is already the code of another unit');
      const unit = await manager.findOneByOrFail(UnitEntity, { id: row.id });
      await this.ledger.append(manager, [
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
