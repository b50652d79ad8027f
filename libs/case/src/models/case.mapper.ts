import type { PersonIdentity } from '@simpul/privacy';
import type { CaseEntity } from '../entities/case.entity';
import type { IdentityGrant } from '../identity-access';
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

/** `identity` only with a grant (need-to-know); the label, sex and child flag always. */
export function toPersonModel(
  entity: PersonEntity,
  identity: PersonIdentity | null,
  grant: IdentityGrant | null,
): PersonModel {
  return Object.assign(new PersonModel(), {
    id: entity.id,
    caseId: entity.caseId,
    label: entity.label,
    sex: entity.sex,
    isChild: entity.isChild,
    identity: grant ? identity : null,
    grant,
  });
}
