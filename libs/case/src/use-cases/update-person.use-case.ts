import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { badInput, isUuid, notFound } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import type { PersonIdentity } from '@simpul/privacy';
import { TransactionHost } from '@simpul/database';
import { CaseAccess } from '../case-access';
import type { UpdatePersonInput } from '../dto/update-person.input';
import { PersonEntity } from '../entities/person.entity';
import { PersonSealer } from '../person-sealer';
import { validatePerson } from '../validate-person';

const FIELDS = [
  'fullName',
  'sex',
  'birthDate',
  'nationalId',
  'passportNumber',
  'phone',
  'isChild',
] as const;

/**
 * updatePerson: the lead unit corrects a person's data (right to correction, also on a closed
 * case). The ledger records which fields changed, never their values.
 */
@Injectable()
export class UpdatePersonUseCase {
  constructor(
    private readonly tx: TransactionHost,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly sealer: PersonSealer,
    private readonly ledger: LedgerWriter,
  ) {}

  async execute(
    actor: Actor,
    personId: string,
    input: UpdatePersonInput,
  ): Promise<{ person: PersonEntity; identity: PersonIdentity }> {
    const changed = FIELDS.filter((field) => input[field] !== undefined);
    if (!changed.length) throw badInput('input', 'names no field to change');
    if (input.fullName === null) throw badInput('input.fullName', 'cannot be cleared');
    if (input.sex === null) throw badInput('input.sex', 'cannot be cleared');
    const existing = isUuid(personId)
      ? await this.dataSource.manager.findOneBy(PersonEntity, { id: personId })
      : null;
    if (!existing) throw notFound('Person');
    return this.tx.run(async () => {
      const locked = await this.access.lockAsLeadUnit(actor, existing.caseId, 'corrects persons');
      const person = await this.tx.manager.findOneByOrFail(PersonEntity, { id: personId });
      const current = this.sealer.open(person);
      const keep = <T>(given: T | undefined, stored: T): T =>
        given === undefined ? stored : given;
      const valid = validatePerson('input', {
        fullName: input.fullName ?? current.fullName,
        sex: input.sex ?? person.sex,
        birthDate: keep(input.birthDate, current.birthDate),
        nationalId: keep(input.nationalId, current.nationalId),
        passportNumber: keep(input.passportNumber, current.passportNumber),
        phone: keep(input.phone, current.phone),
        // A corrected birth date decides anew unless the officer flags the child explicitly.
        isChild: keep(input.isChild, input.birthDate !== undefined ? null : person.isChild),
      });
      Object.assign(person, { sex: valid.sex }, this.sealer.sealed(person.id, valid, new Date()));
      await this.tx.manager.save(PersonEntity, person);
      await this.ledger.append([
        {
          action: HandoffAction.PERSON_UPDATED,
          actorId: actor.officerId,
          fromUnitId: locked.leadUnitId,
          toUnitId: null,
          caseId: person.caseId,
          referralId: null,
          payload: {
            personId: person.id,
            label: person.label,
            changedFields: changed,
            isChild: person.isChild,
          },
        },
      ]);
      return { person, identity: this.sealer.open(person) };
    });
  }
}
