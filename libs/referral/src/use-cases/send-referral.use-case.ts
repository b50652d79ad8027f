import { Inject, Injectable } from '@nestjs/common';
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
import { CaseAccess, CaseReader, CaseStatus, IdentityAccess } from '@simpul/case';
import { IdempotencyStore, requestDigest, TransactionHost, type TxHost } from '@simpul/database';
import { Role, type Actor } from '@simpul/identity';
import { LedgerWriter } from '@simpul/ledger';
import type { SendReferralInput } from '../dto/send-referral.input';
import { validLawfulBasis } from '../lawful-basis';
import type { ReferralEntity } from '../entities/referral.entity';
import { ReferralFactory } from '../referral-factory';
import { ReferralRepository } from '../referral.repository';

const SENDER_ROLES: readonly Role[] = [Role.DESK_OFFICER, Role.SUPERVISOR, Role.INVESTIGATOR];

/** sendReferral: any party of an open case refers it to another unit (REQUESTED). */
@Injectable()
export class SendReferralUseCase {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly access: CaseAccess,
    private readonly idempotency: IdempotencyStore,
    private readonly factory: ReferralFactory,
    private readonly ledger: LedgerWriter,
    private readonly identityAccess: IdentityAccess,
    private readonly referrals: ReferralRepository,
    private readonly cases: CaseReader,
  ) {}

  async execute(actor: Actor, input: SendReferralInput): Promise<ReferralEntity> {
    const summary = requiredText('input.summary', input.summary, Limits.summary);
    const services = nonEmptyList('input.services', input.services);
    const personIds = [...new Set(input.personIds ?? [])];
    const lawful = validLawfulBasis(personIds, input.lawfulBasis);
    return this.txHost.withTransaction(async () => {
      const id = randomUUID();
      if (input.idempotencyKey) {
        const earlier = await this.idempotency.claim({
          officerId: actor.officerId,
          operation: 'sendReferral',
          key: requiredText('input.idempotencyKey', input.idempotencyKey, Limits.idempotencyKey),
          digest: requestDigest({ ...input, idempotencyKey: undefined }),
          newId: id,
        });
        if (earlier) return this.earlier(earlier);
      }
      await this.checkCase(actor, input.caseId);
      if (input.toUnitId === actor.unitId) throw badInput('input.toUnitId', 'must be another unit');
      await this.checkPersons(actor, input.caseId, personIds);
      const { referral, sentEntry } = await this.factory.create(
        {
          id,
          caseId: input.caseId,
          fromUnitId: actor.unitId,
          toUnitId: input.toUnitId,
          sentById: actor.officerId,
          services,
          priority: input.priority,
          summary,
          personIds,
          ...lawful,
        },
        actor.officerId,
        'input.toUnitId',
      );
      await this.ledger.append([sentEntry]);
      return referral;
    });
  }

  private async earlier(id: string): Promise<ReferralEntity> {
    const found = await this.referrals.byId(id);
    if (!found) throw new Error(`idempotency key names referral ${id}, which does not exist`);
    return found;
  }

  private async checkCase(actor: Actor, caseId: string): Promise<void> {
    // Share-lock the case so that a concurrent closeCase cannot slip in between check and insert.
    // Read once, locked, and asked about once: this runs on every send.
    const status = await this.access.lockStatusForShare(caseId);
    const party = !!status && (await this.access.isParty(actor, caseId));
    // Who cannot see the case learns nothing; who can (an auditor) but is no party is refused.
    if (!status || (!party && !CaseAccess.isAuditor(actor))) throw notFound('Case');
    if (!party) throw forbidden('Only parties of the case send referrals for it');
    if (!actor.roles.some((role) => SENDER_ROLES.includes(role))) {
      throw forbidden('Only desk officers, supervisors and investigators send referrals');
    }
    if (status !== CaseStatus.OPEN) throw conflict('The case is closed');
  }

  /**
   * Every named person belongs to the case, and the sender itself holds their identity: a unit
   * cannot pass on what it may not see.
   */
  private async checkPersons(actor: Actor, caseId: string, personIds: string[]): Promise<void> {
    if (!personIds.length) return;
    const inCase = personIds.every(isUuid)
      ? await this.cases.countPersonsInCase(caseId, personIds)
      : 0;
    if (inCase !== personIds.length) {
      throw badInput('input.personIds', 'every person must belong to the case');
    }
    const grants = await this.identityAccess.grants(actor, caseId);
    if (!personIds.every((id) => grants.has(id))) {
      throw forbidden('input.personIds: your unit may only pass on identities it holds itself');
    }
  }
}
