import type { OfficerEntity } from '../entities/officer.entity';
import { OfficerModel } from './officer.model';

/** Never copies the password hash: the model is what clients may see. */
export function toOfficerModel(entity: OfficerEntity): OfficerModel {
  return Object.assign(new OfficerModel(), {
    id: entity.id,
    username: entity.username,
    displayName: entity.displayName,
    roles: [...entity.roles],
    unitId: entity.unitId,
    active: entity.active,
  });
}
