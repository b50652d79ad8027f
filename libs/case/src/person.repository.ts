import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '@simpul/database';
import { PersonEntity } from './entities/person.entity';

export type SealedIdentity = Pick<PersonEntity, 'identitySealed' | 'identityKeyId'>;

/** The person table: the only code that writes SQL for it. */
@Injectable()
export class PersonRepository extends TransactionalRepository {
  byId(id: string): Promise<PersonEntity | null> {
    return this.db.findOneBy(PersonEntity, { id });
  }

  byCase(caseId: string): Promise<PersonEntity[]> {
    return this.db.find(PersonEntity, { where: { caseId }, order: { position: 'ASC' } });
  }

  async idsOfCase(caseId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query('SELECT id FROM person WHERE case_id = $1', [
      caseId,
    ]);
    return rows.map((row) => row.id);
  }

  async countOfCase(caseId: string): Promise<number> {
    const [{ count }]: { count: number }[] = await this.db.query(
      'SELECT count(*)::int AS count FROM person WHERE case_id = $1',
      [caseId],
    );
    return count;
  }

  /** How many of these ids are persons of the case. */
  async countInCase(caseId: string, ids: readonly string[]): Promise<number> {
    const [{ count }]: { count: number }[] = await this.db.query(
      'SELECT count(*)::int AS count FROM person WHERE case_id = $1 AND id = ANY($2::uuid[])',
      [caseId, ids],
    );
    return count;
  }

  /** Persons whose NIK or passport has this keyed hash (either may be null), at most 50. */
  byIdentityHash(nik: string | null, passport: string | null): Promise<PersonEntity[]> {
    return this.db
      .createQueryBuilder(PersonEntity, 'p')
      .where('p.national_id_hmac = :nik OR p.passport_hmac = :passport', { nik, passport })
      .orderBy('p.case_id')
      .addOrderBy('p.position')
      .limit(50)
      .getMany();
  }

  async insert(persons: PersonEntity[]): Promise<void> {
    if (persons.length) await this.inTransaction.insert(PersonEntity, persons);
  }

  async save(person: PersonEntity): Promise<void> {
    await this.inTransaction.save(PersonEntity, person);
  }

  /** Identities sealed under another key, locked; SKIP LOCKED lets rotations run side by side. */
  staleIdentities(activeKeyId: string, limit: number): Promise<PersonEntity[]> {
    return this.inTransaction
      .createQueryBuilder(PersonEntity, 'p')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('p.identity_key_id <> :active', { active: activeKeyId })
      .take(limit)
      .getMany();
  }

  async reseal(id: string, sealed: SealedIdentity): Promise<void> {
    await this.inTransaction.update(PersonEntity, { id }, sealed);
  }
}
