import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HandlesJob, type JobHandler } from '@simpul/delivery';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { ReferralEntity } from '../entities/referral.entity';
import { DeliveryState } from '../referral-enums';

/**
 * Puts a referral in the receiving unit's inbox: delivery = DELIVERED and REFERRAL_DELIVERED on
 * the ledger, once. A re-run (retry, re-drive after a crash) finds it delivered and does nothing.
 * The version is left alone: delivery is bookkeeping, not a status change.
 */
@Injectable()
@HandlesJob('deliver-referral')
export class DeliverReferralHandler implements JobHandler<'deliver-referral'> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
  ) {}

  async handle({ referralId }: { referralId: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const referral = await manager
        .createQueryBuilder(ReferralEntity, 'r')
        .setLock('pessimistic_write')
        .where('r.id = :referralId', { referralId })
        .getOne();
      if (!referral || referral.delivery === DeliveryState.DELIVERED) return;
      const deliveredAt = new Date();
      await manager.update(
        ReferralEntity,
        { id: referralId },
        { delivery: DeliveryState.DELIVERED, deliveredAt },
      );
      await this.ledger.append(manager, [
        {
          action: HandoffAction.REFERRAL_DELIVERED,
          actorId: null,
          fromUnitId: referral.fromUnitId,
          toUnitId: referral.toUnitId,
          caseId: referral.caseId,
          referralId,
          payload: { delivery: DeliveryState.DELIVERED },
        },
      ]);
    });
  }
}
