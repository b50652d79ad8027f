import type { EntityManager } from 'typeorm';
import { isUuid, notFound } from '@simpul/common';
import type { OfficerEntity, OfficerStore } from '@simpul/identity';

/** The officer row, locked for this transaction's change; NOT_FOUND for anything else. */
export async function lockOfficer(
  officers: OfficerStore,
  manager: EntityManager,
  id: string,
): Promise<OfficerEntity> {
  const officer = isUuid(id) ? await officers.lockForUpdate(manager, id) : null;
  if (!officer) throw notFound('Officer');
  return officer;
}
