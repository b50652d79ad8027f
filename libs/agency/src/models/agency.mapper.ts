import type { AgencyEntity } from '../entities/agency.entity';
import type { UnitEntity } from '../entities/unit.entity';
import { AgencyModel } from './agency.model';
import { UnitModel } from './unit.model';

export function toAgencyModel(entity: AgencyEntity): AgencyModel {
  return Object.assign(new AgencyModel(), {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    kind: entity.kind,
  });
}

export function toUnitModel(entity: UnitEntity): UnitModel {
  return Object.assign(new UnitModel(), {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    agencyId: entity.agencyId,
    regionCode: entity.regionCode,
    countryCode: entity.countryCode,
    timeZone: entity.timeZone,
  });
}
