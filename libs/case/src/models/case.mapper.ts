import type { CaseEntity } from '../entities/case.entity';
import type { PersonEntity } from '../entities/person.entity';
import { CaseModel } from './case.model';
import { PersonModel } from './person.model';

export function toCaseModel(entity: CaseEntity): CaseModel {
  return Object.assign(new CaseModel(), {
    id: entity.id,
    reference: entity.reference,
    title: entity.title,
    summary: entity.summary,
    status: entity.status,
    exploitationTypes: entity.exploitationTypes,
    regionCode: entity.regionCode,
    openedAt: entity.openedAt,
    closedAt: entity.closedAt,
    leadUnitId: entity.leadUnitId,
  });
}

/** Identity fields only when the caller has need-to-know; the label and sex always. */
export function toPersonModel(entity: PersonEntity, revealIdentity: boolean): PersonModel {
  return Object.assign(new PersonModel(), {
    id: entity.id,
    label: entity.label,
    sex: entity.sex,
    isChild: entity.isChild,
    fullName: revealIdentity ? entity.fullName : null,
    nationalId: revealIdentity ? entity.nationalId : null,
    passportNumber: revealIdentity ? entity.passportNumber : null,
    birthDate: revealIdentity ? entity.birthDate : null,
    phone: revealIdentity ? entity.phone : null,
  });
}
