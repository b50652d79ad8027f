import { Injectable } from '@nestjs/common';
import type { OfficerEntity } from './entities/officer.entity';
import { OfficerRepository } from './officer.repository';

/** Read-only access to officers, for every lib. */
@Injectable()
export class OfficerReader {
  constructor(private readonly officers: OfficerRepository) {}

  byId(id: string): Promise<OfficerEntity | null> {
    return this.officers.byId(id);
  }

  /** For DataLoaders: rows in any order, missing ids absent. Includes inactive officers. */
  byIds(ids: readonly string[]): Promise<OfficerEntity[]> {
    return ids.length ? this.officers.byIds(ids) : Promise.resolve([]);
  }

  /** The admin console's list: every officer (inactive ones too), of one unit or all, by username. */
  list(unitId?: string | null): Promise<OfficerEntity[]> {
    return this.officers.list(unitId);
  }

  byUsername(username: string): Promise<OfficerEntity | null> {
    return this.officers.byUsername(username);
  }
}
