import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  badInput,
  conflict,
  forbidden,
  isUuid,
  Limits,
  nonEmptyList,
  notFound,
  requiredText,
} from '@simpul/common';
import {
  CASE_NOT_OPEN,
  CaseAccess,
  CaseStatus,
  IdentityAccess,
  personsOfCaseSql,
} from '@simpul/case';
import {
  IdempotencyStore,
  requestDigest,
  statementRefusal,
  TransactionHost,
} from '@simpul/database';
import { Role, type Actor } from '@simpul/identity';
import type { SendReferralInput } from '../dto/send-referral.input';
import { validLawfulBasis } from '../lawful-basis';
import { ReferralEntity } from '../entities/referral.entity';
import { ReferralFactory, type NewReferral, type ReferralPreparation } from '../referral-factory';

/** The input after execute's checks: text trimmed and bounded, persons unique, lawful basis valid. */
type ValidSend = Pick<
  NewReferral,
  'summary' | 'services' | 'personIds' | 'lawfulBasis' | 'consentReference'
>;

const SENDER_ROLES: readonly Role[] = [Role.DESK_OFFICER, Role.SUPERVISOR, Role.INVESTIGATOR];

/**
 * sendReferral: any party of an open case refers it to another unit (REQUESTED), confidential
 * when the sender says so or, by default, when it is a police investigation.
 */
@Injectable()
export class SendReferralUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: CaseAccess,
    private readonly idempotency: IdempotencyStore,
    private readonly factory: ReferralFactory,
    private readonly identityAccess: IdentityAccess,
  ) {}

  async execute(actor: Actor, input: SendReferralInput): Promise<ReferralEntity> {
    const summary = requiredText('input.summary', input.summary, Limits.summary);
    const services = nonEmptyList('input.services', input.services);
    const personIds = [...new Set(input.personIds ?? [])];
    const lawful = validLawfulBasis(personIds, input.lawfulBasis);
    const id = randomUUID();
    const send = () => this.send(actor, input, { summary, services, personIds, ...lawful }, id);
    // Without an idempotency key the send needs no transaction of its own: its reads only answer
    // early, and its one write statement is atomic and re-checks the case (requireOpenCase). Two
    // round trips (BEGIN, COMMIT) fewer on the busiest path. A key's claim must roll back with
    // the write, so a keyed send runs in a transaction.
    if (!input.idempotencyKey) return this.refusingClosedCase(send());
    const key = requiredText('input.idempotencyKey', input.idempotencyKey, Limits.idempotencyKey);
    return this.refusingClosedCase(
      this.tx.run(async () => {
        const earlier = await this.idempotency.claim({
          officerId: actor.officerId,
          operation: 'sendReferral',
          key,
          digest: requestDigest({ ...input, idempotencyKey: undefined }),
          newId: id,
        });
        if (earlier) return this.tx.manager.findOneByOrFail(ReferralEntity, { id: earlier });
        return send();
      }),
    );
  }

  private async send(
    actor: Actor,
    input: SendReferralInput,
    valid: ValidSend,
    id: string,
  ): Promise<ReferralEntity> {
    if (!isUuid(input.caseId)) throw notFound('Case');
    const prepared = await this.factory.prepare(
      { fromUnitId: actor.unitId, toUnitId: input.toUnitId },
      'input.toUnitId',
      { caseId: input.caseId, unitIds: await this.access.caseworkUnitIds(actor) },
    );
    this.checkCase(actor, prepared.case);
    if (input.toUnitId === actor.unitId) throw badInput('input.toUnitId', 'must be another unit');
    await this.checkPersons(actor, input.caseId, valid.personIds);
    const { referral } = await this.factory.create(
      {
        id,
        caseId: input.caseId,
        fromUnitId: actor.unitId,
        toUnitId: input.toUnitId,
        sentById: actor.officerId,
        priority: input.priority,
        ...valid,
        confidential: { requested: input.confidential },
      },
      actor.officerId,
      prepared,
      { appendSentEntry: true, requireOpenCase: true },
    );
    return referral;
  }

  /** A case closed between the send's read and its write: the same answer as checkCase's. */
  private async refusingClosedCase(sending: Promise<ReferralEntity>): Promise<ReferralEntity> {
    try {
      return await sending;
    } catch (error) {
      if (statementRefusal(error) === CASE_NOT_OPEN) throw conflict('The case is closed');
      throw error;
    }
  }

  /**
   * The case as `prepare` read it. A closeCase that commits after this read is caught by the
   * write, which re-checks the status under a share lock (requireOpenCase).
   */
  private checkCase(actor: Actor, found: ReferralPreparation['case']): void {
    const party = !!found?.status && found.party;
    // Who cannot see the case learns nothing; who can (an auditor) but is no party is refused.
    if (!found?.status || (!party && !CaseAccess.isAuditor(actor))) throw notFound('Case');
    if (!party) throw forbidden('Only parties of the case send referrals for it');
    if (!actor.roles.some((role) => SENDER_ROLES.includes(role))) {
      throw forbidden('Only desk officers, supervisors and investigators send referrals');
    }
    if (found.status !== CaseStatus.OPEN) throw conflict('The case is closed');
  }

  /**
   * Every named person belongs to the case, and the sender itself holds their identity: a unit
   * cannot pass on what it may not see.
   */
  private async checkPersons(actor: Actor, caseId: string, personIds: string[]): Promise<void> {
    if (!personIds.length) return;
    const rows: unknown[] = personIds.every(isUuid)
      ? await this.tx.manager.query(personsOfCaseSql('$1', '$2'), [caseId, personIds])
      : [];
    if (rows.length !== personIds.length) {
      throw badInput('input.personIds', 'every person must belong to the case');
    }
    const grants = await this.identityAccess.grants(actor, caseId);
    if (!personIds.every((id) => grants.has(id))) {
      throw forbidden('input.personIds: your unit may only pass on identities it holds itself');
    }
  }
}
