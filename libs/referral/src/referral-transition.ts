import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@simpul/config';
import { conflict, DomainError, ErrorCode, forbidden, isUuid, notFound } from '@simpul/common';
import { Role, type Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter, type LedgerEntryDraft } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { ReferralEntity } from './entities/referral.entity';
import { decide, type ReferralAction } from './referral-state-machine';
import { ReferralStanding } from './referral-standing';

const LEDGER_ACTION: Record<ReferralAction, HandoffAction> = {
  acknowledge: HandoffAction.REFERRAL_RECEIVED,
  accept: HandoffAction.REFERRAL_ACCEPTED,
  reject: HandoffAction.REFERRAL_REJECTED,
  redirect: HandoffAction.REFERRAL_REDIRECTED,
  start: HandoffAction.REFERRAL_STARTED,
  hold: HandoffAction.REFERRAL_HELD,
  resume: HandoffAction.REFERRAL_RESUMED,
  complete: HandoffAction.REFERRAL_COMPLETED,
  fail: HandoffAction.REFERRAL_FAILED,
  cancel: HandoffAction.REFERRAL_CANCELLED,
};

const WRITER_ROLES: readonly Role[] = [Role.DESK_OFFICER, Role.SUPERVISOR, Role.INVESTIGATOR];

export interface TransitionRequest {
  actor: Actor;
  referralId: string;
  action: ReferralAction;
  expectedVersion?: number | null;
  note?: string | null;
  /** Sets the fields this transition owns (timestamps, reason, outcome …) on the locked row. */
  apply?: (referral: ReferralEntity, now: Date) => Promise<void> | void;
  /** Codes (never personal data) recorded in the ledger entry's payload. */
  payload?: Record<string, string | number | boolean | null | string[]>;
  /** Further ledger entries of the same transaction (redirect's new referral). */
  moreEntries?: (referral: ReferralEntity) => LedgerEntryDraft[];
}

/**
 * The one way a referral changes status: lock the row, ask the state machine, check the
 * expected version, apply, bump the version, append one ledger entry — all in one transaction.
 * Two officers racing for the same referral serialise on the row lock; the second sees the new
 * status and gets CONFLICT.
 */
@Injectable()
export class ReferralTransition {
  constructor(
    private readonly tx: TransactionHost,
    private readonly standing: ReferralStanding,
    private readonly ledger: LedgerWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** In the caller's transaction if there is one, else in a transaction of its own. */
  run(request: TransitionRequest): Promise<ReferralEntity> {
    return this.tx.run(() => this.transition(request));
  }

  private async transition(request: TransitionRequest): Promise<ReferralEntity> {
    const { actor, action } = request;
    if (!isUuid(request.referralId)) throw notFound('Referral');
    const referral = await this.tx.manager
      .createQueryBuilder(ReferralEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id: request.referralId })
      .getOne();
    if (!referral) throw notFound('Referral');
    const standing = await this.standing.of(actor, referral);
    if (!standing.canSee) throw notFound('Referral');
    if (!actor.roles.some((role) => WRITER_ROLES.includes(role))) {
      throw forbidden('Auditors and administrators do not act on referrals');
    }
    const decision = decide(action, referral.status, standing, referral.acceptedAt !== null);
    if (!decision.allowed) throw new DomainError(ErrorCode[decision.code], decision.reason);
    if (request.expectedVersion != null && request.expectedVersion !== referral.version) {
      throw conflict(
        `The referral changed meanwhile (version ${referral.version}, expected ${request.expectedVersion}); reload it`,
      );
    }
    const now = this.clock.now();
    referral.status = decision.to;
    referral.version += 1;
    await request.apply?.(referral, now);
    // The row is locked and read in full above: write it back in one UPDATE (save() would
    // SELECT it again first to find what changed).
    const { id, ...fields } = referral;
    await this.tx.manager.update(ReferralEntity, { id }, fields);
    await this.ledger.append([
      {
        action: LEDGER_ACTION[action],
        actorId: actor.officerId,
        fromUnitId: referral.fromUnitId,
        toUnitId: referral.toUnitId,
        caseId: referral.caseId,
        referralId: referral.id,
        note: request.note ?? null,
        payload: { status: referral.status, version: referral.version, ...request.payload },
      },
      ...(request.moreEntries?.(referral) ?? []),
    ]);
    return referral;
  }
}
