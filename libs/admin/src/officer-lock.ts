import type { EntityManager } from 'typeorm';
import { isUuid, notFound } from '@simpul/common';
import { OfficerEntity } from '@simpul/identity';

/** The officer row, locked for this transaction's change; NOT_FOUND for anything else. */
export async function lockOfficer(manager: EntityManager, id: string): Promise<OfficerEntity> {
  const officer = isUuid(id)
    ? await manager.findOne(OfficerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!officer) throw notFound('Officer');
  return officer;
}
