import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import {
  HandoffEventBus,
  type HandoffEventEnricher,
  type HandoffEventMessage,
} from '@simpul/delivery';
import { ReferralEntity } from '../entities/referral.entity';
import { LIVE_REFERRAL_COLUMNS, LIVE_REFERRAL_KEY } from './live-referral';

/**
 * Worker side of live events: attaches each entry's referral (LiveReferral, no free text) to the
 * message, one read per published batch, so that no gateway reads it per subscriber to decide who
 * may see the event or to answer `referral { … }`.
 */
@Injectable()
export class ReferralEventEnricher implements HandoffEventEnricher, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: HandoffEventBus,
  ) {}

  onModuleInit(): void {
    this.bus.enrichWith(this);
  }

  async enrich(messages: HandoffEventMessage[]): Promise<void> {
    const ids = [...new Set(messages.map((m) => m.referralId).filter((id) => id !== null))];
    if (!ids.length) return;
    const referrals = await this.dataSource.manager.find(ReferralEntity, {
      select: LIVE_REFERRAL_COLUMNS,
      where: { id: In(ids) },
    });
    const byId = new Map(referrals.map((referral) => [referral.id, referral]));
    for (const message of messages) {
      const referral = message.referralId && byId.get(message.referralId);
      if (referral) message.attached = { ...message.attached, [LIVE_REFERRAL_KEY]: referral };
    }
  }
}
