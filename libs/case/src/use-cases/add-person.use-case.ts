import { Injectable } from '@nestjs/common';
import { badInput, conflict, Limits } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { CaseAccess } from '../case-access';
import { CaseStatus } from '../case-enums';
import type { PersonInput } from '../dto/open-case.input';
import { PersonEntity } from '../entities/person.entity';
import { PersonSealer } from '../person-sealer';
import { validatePerson } from '../validate-person';

/** addPerson: the lead unit records another (presumed) victim on an open case. */
@Injectable()
export class AddPersonUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: CaseAccess,
    private readonly sealer: PersonSealer,
    private readonly ledger: LedgerWriter,
  ) {}

  async execute(actor: Actor, caseId: string, input: PersonInput): Promise<PersonEntity> {
    const valid = validatePerson('input', input);
    return this.tx.run(async () => {
      const locked = await this.access.lockAsLeadUnit(actor, caseId, 'adds persons');
      if (locked.status !== CaseStatus.OPEN) throw conflict('The case is closed');
      const [{ count }]: { count: number }[] = await this.tx.manager.query(
        'SELECT count(*)::int AS count FROM person WHERE case_id = $1',
        [caseId],
      );
      if (count >= Limits.personsPerCase) {
        throw badInput('input', `a case holds at most ${Limits.personsPerCase} persons`);
      }
      const person = this.sealer.create(caseId, count + 1, valid, new Date());
      await this.tx.manager.insert(PersonEntity, person);
      await this.ledger.append([
        {
          action: HandoffAction.PERSON_ADDED,
          actorId: actor.officerId,
          fromUnitId: locked.leadUnitId,
          toUnitId: null,
          caseId,
          referralId: null,
          payload: { personId: person.id, label: person.label, isChild: person.isChild },
        },
      ]);
      return person;
    });
  }
}
