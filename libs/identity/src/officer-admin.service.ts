import { Injectable } from '@nestjs/common';
import { isUuid } from '@simpul/common';
import type { OfficerEntity } from './entities/officer.entity';
import { OfficerRepository, type NewOfficer, type OfficerChanges } from './officer.repository';

export type { NewOfficer, OfficerChanges } from './officer.repository';

/**
 * Changes to officers, for the admin lib's use cases. Every method runs in the caller's
 * transaction (it travels with the request), so the change and its ledger entry commit together.
 * Whether the unit exists is the caller's question to the agency lib.
 */
@Injectable()
export class OfficerAdminService {
  constructor(private readonly officers: OfficerRepository) {}

  /** The new officer, or null when the username is already taken. */
  create(officer: NewOfficer): Promise<OfficerEntity | null> {
    return this.officers.insert(officer);
  }

  /** The officer locked for this transaction's change; null when there is no such officer. */
  lock(id: string): Promise<OfficerEntity | null> {
    return isUuid(id) ? this.officers.lock(id) : Promise.resolve(null);
  }

  update(id: string, changes: OfficerChanges): Promise<void> {
    return this.officers.update(id, changes);
  }
}
