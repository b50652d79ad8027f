import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '@simpul/database';
import { PersonAccessEntity } from './entities/person-access.entity';

/** The person_access table (the disclosure log): the only code that writes SQL for it. */
@Injectable()
export class PersonAccessRepository extends TransactionalRepository {
  async insert(rows: Omit<PersonAccessEntity, 'id'>[]): Promise<void> {
    await this.db.insert(PersonAccessEntity, rows);
  }

  forPerson(personId: string): Promise<PersonAccessEntity[]> {
    return this.db.find(PersonAccessEntity, {
      where: { personId },
      order: { at: 'DESC', id: 'DESC' },
    });
  }
}
