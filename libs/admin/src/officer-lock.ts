import { isUuid, notFound } from '@simpul/common';
import type { OfficerEntity, OfficerStore } from '@simpul/identity';

/** The officer row, locked for the current transaction's change; NOT_FOUND for anything else. */
export async function lockOfficer(officers: OfficerStore, id: string): Promise<OfficerEntity> {
  const officer = isUuid(id) ? await officers.lockForUpdate(id) : null;
  if (!officer) throw notFound('Officer');
  return officer;
}
