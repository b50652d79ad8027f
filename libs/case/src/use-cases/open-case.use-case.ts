import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  badInput,
  forbidden,
  Limits,
  nonEmptyList,
  optionalText,
  requiredText,
} from '@simpul/common';
import { CLOCK, type Clock } from '@simpul/config';
import { IdempotencyStore, requestDigest, TransactionHost } from '@simpul/database';
import { Role, type Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { CaseAccess } from '../case-access';
import { CaseStatus } from '../case-enums';
import { REGION_CODE } from '../case-filter';
import type { OpenCaseInput } from '../dto/open-case.input';
import { CaseEntity } from '../entities/case.entity';
import { PersonEntity } from '../entities/person.entity';
import { nextReference } from '../next-reference';
import { validatePerson } from '../validate-person';
import { PersonSealer } from '../person-sealer';

/** openCase: the caller's unit becomes the lead unit; CASE_OPENED goes on the ledger. */
@Injectable()
export class OpenCaseUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly idempotency: IdempotencyStore,
    private readonly ledger: LedgerWriter,
    private readonly access: CaseAccess,
    private readonly sealer: PersonSealer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: OpenCaseInput): Promise<CaseEntity> {
    this.assertRole(actor);
    const valid = this.validate(input);
    return this.tx.run(async () => {
      const id = randomUUID();
      if (input.idempotencyKey) {
        const earlier = await this.idempotency.claim({
          officerId: actor.officerId,
          operation: 'openCase',
          key: requiredText('input.idempotencyKey', input.idempotencyKey, Limits.idempotencyKey),
          digest: requestDigest({ ...input, idempotencyKey: undefined }),
          newId: id,
        });
        if (earlier) return this.tx.manager.findOneByOrFail(CaseEntity, { id: earlier });
      }
      return this.open(actor, id, valid);
    });
  }

  /**
   * Opens a case inside the caller's transaction, for a use case of another context that opens
   * one as part of its own change (promoteAlertToCase). Checks the role and the input as execute.
   */
  async openIn(actor: Actor, input: OpenCaseInput): Promise<CaseEntity> {
    this.assertRole(actor);
    return this.open(actor, randomUUID(), this.validate(input));
  }

  private assertRole(actor: Actor): void {
    if (
      !actor.roles.some(
        (r) => r === Role.DESK_OFFICER || r === Role.SUPERVISOR || r === Role.INVESTIGATOR,
      )
    ) {
      throw forbidden('Only desk officers, supervisors and investigators open cases');
    }
  }

  private validate(input: OpenCaseInput) {
    const persons = input.persons ?? [];
    if (persons.length > Limits.personsPerCase) {
      throw badInput('input.persons', `at most ${Limits.personsPerCase} persons per case`);
    }
    const regionCode = optionalText('input.regionCode', input.regionCode, 5);
    if (regionCode && !REGION_CODE.test(regionCode)) {
      throw badInput('input.regionCode', 'must be a Kemendagri code such as 53 or 53.71');
    }
    return {
      title: requiredText('input.title', input.title, Limits.title),
      summary: optionalText('input.summary', input.summary, Limits.summary),
      exploitationTypes: nonEmptyList('input.exploitationTypes', input.exploitationTypes),
      regionCode,
      persons: persons.map((person, i) => validatePerson(`input.persons[${i}]`, person)),
    };
  }

  private async open(
    actor: Actor,
    id: string,
    valid: ReturnType<OpenCaseUseCase['validate']>,
  ): Promise<CaseEntity> {
    // The process's Clock, as a referral's sending reads it: under a moved test clock a case is
    // never opened after its first referral was sent, and its number carries the same year.
    const now = this.clock.now();
    const entity = this.tx.manager.create(CaseEntity, {
      id,
      reference: await nextReference(this.tx.manager, 'TPPO', 'case_reference_seq', now),
      title: valid.title,
      summary: valid.summary,
      status: CaseStatus.OPEN,
      exploitationTypes: valid.exploitationTypes,
      leadUnitId: actor.unitId,
      regionCode: valid.regionCode,
      openedById: actor.officerId,
      openedAt: now,
      closedAt: null,
    });
    await this.tx.manager.insert(CaseEntity, entity);
    if (valid.persons.length) {
      await this.tx.manager.insert(
        PersonEntity,
        valid.persons.map((person, i) => this.sealer.create(id, i + 1, person, now)),
      );
    }
    await this.access.addParties(id, [actor.unitId]);
    await this.ledger.append([
      {
        action: HandoffAction.CASE_OPENED,
        actorId: actor.officerId,
        fromUnitId: actor.unitId,
        toUnitId: null,
        caseId: id,
        referralId: null,
        payload: {
          reference: entity.reference,
          status: CaseStatus.OPEN,
          exploitationTypes: valid.exploitationTypes,
          regionCode: valid.regionCode,
          personCount: valid.persons.length,
        },
      },
    ]);
    return entity;
  }
}
