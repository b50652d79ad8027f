import { Injectable } from '@nestjs/common';
import { AgencyRepository } from './agency.repository';
import type { AgencyEntity } from './entities/agency.entity';

/** Read-only access to agencies, for every lib. Reference data: small, so lists are not paginated. */
@Injectable()
export class AgencyReader {
  constructor(private readonly agencies: AgencyRepository) {}

  byId(id: string): Promise<AgencyEntity | null> {
    return this.agencies.byId(id);
  }

  /** For DataLoaders: rows in any order, missing ids simply absent. */
  byIds(ids: readonly string[]): Promise<AgencyEntity[]> {
    return ids.length ? this.agencies.byIds(ids) : Promise.resolve([]);
  }

  byCode(code: string): Promise<AgencyEntity | null> {
    return this.agencies.byCode(code);
  }

  list(): Promise<AgencyEntity[]> {
    return this.agencies.list();
  }
}
