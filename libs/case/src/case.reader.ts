import { Injectable } from '@nestjs/common';
import { isUuid, notFound } from '@simpul/common';
import { keysetPage, type KeysetPage } from '@simpul/database';
import type { Actor } from '@simpul/identity';
import { CaseAccess } from './case-access';
import type { CaseStatus } from './case-enums';
import { CaseRepository } from './case.repository';
import type { CaseEntity } from './entities/case.entity';
import type { PersonEntity } from './entities/person.entity';
import { PersonRepository } from './person.repository';

export type CasePage = KeysetPage<CaseEntity>;

/** Read side of cases. Every method applies the access rule of CaseAccess. */
@Injectable()
export class CaseReader {
  constructor(
    private readonly cases: CaseRepository,
    private readonly personRows: PersonRepository,
    private readonly access: CaseAccess,
  ) {}

  byId(actor: Actor, id: string): Promise<CaseEntity> {
    return this.access.readableCase(actor, id);
  }

  async byReference(actor: Actor, reference: string): Promise<CaseEntity> {
    const found = await this.cases.byReference(reference);
    if (!found) throw notFound('Case');
    return this.access.readableCase(actor, found.id);
  }

  /** Cases the actor's units are party of (all for auditors), newest first, keyset-paginated. */
  async list(
    actor: Actor,
    status: CaseStatus[] | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<CasePage> {
    const units = CaseAccess.isAuditor(actor) ? null : await this.access.actingUnitIds(actor);
    return keysetPage(
      this.cases.listQuery(units, status),
      { column: 'c.opened_at', idColumn: 'c.id', timeOf: (c) => c.openedAt },
      first,
      after,
    );
  }

  personById(id: string): Promise<PersonEntity | null> {
    return isUuid(id) ? this.personRows.byId(id) : Promise.resolve(null);
  }

  async caseOf(person: PersonEntity): Promise<CaseEntity> {
    const found = await this.cases.byId(person.caseId);
    if (!found) throw new Error(`person ${person.id} names a case that does not exist`);
    return found;
  }

  /** Persons whose NIK or passport has this keyed hash (either may be null). */
  personsByIdentityHash(nik: string | null, passport: string | null): Promise<PersonEntity[]> {
    return this.personRows.byIdentityHash(nik, passport);
  }

  /** How many of these ids are persons of the case (in the running transaction, if any). */
  countPersonsInCase(caseId: string, personIds: readonly string[]): Promise<number> {
    return this.personRows.countInCase(caseId, personIds);
  }

  persons(caseId: string): Promise<PersonEntity[]> {
    return this.personRows.byCase(caseId);
  }
}
