import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { AgencyEntity } from './entities/agency.entity';

/** Read-only access to agencies. Reference data: small, so lists are not paginated. */
@Injectable()
export class AgencyReader {
  constructor(
    @InjectRepository(AgencyEntity) private readonly agencies: Repository<AgencyEntity>,
  ) {}

  byId(id: string): Promise<AgencyEntity | null> {
    return this.agencies.findOneBy({ id });
  }

  /** For DataLoaders: rows in any order, missing ids simply absent. */
  byIds(ids: readonly string[]): Promise<AgencyEntity[]> {
    return ids.length ? this.agencies.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  byCode(code: string): Promise<AgencyEntity | null> {
    return this.agencies.findOneBy({ code });
  }

  list(): Promise<AgencyEntity[]> {
    return this.agencies.find({ order: { code: 'ASC' } });
  }
}
