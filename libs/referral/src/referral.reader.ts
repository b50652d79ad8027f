import { Injectable } from '@nestjs/common';
import { isUuid, notFound } from '@simpul/common';
import { keysetPage, type KeysetPage } from '@simpul/database';
import { CaseAccess } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import type { ReferralEntity } from './entities/referral.entity';
import type { ReferralStatus } from './referral-enums';
import { ReferralStanding } from './referral-standing';
import { ReferralRepository } from './referral.repository';

export type ReferralPage = KeysetPage<ReferralEntity>;

export type Queue = 'inbox' | 'sent';

/** Read side of referrals; every entry point applies the access rules. */
@Injectable()
export class ReferralReader {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly access: CaseAccess,
    private readonly standing: ReferralStanding,
  ) {}

  async byId(actor: Actor, id: string): Promise<ReferralEntity> {
    const found = isUuid(id) ? await this.referrals.byId(id) : null;
    if (!found) throw notFound('Referral');
    const standing = await this.standing.of(actor, found);
    if (!standing.canSee) throw notFound('Referral');
    return found;
  }

  /** For field resolvers under an object the caller could already see. */
  byIds(ids: readonly string[]): Promise<ReferralEntity[]> {
    return this.referrals.byIds(ids);
  }

  byCase(caseId: string): Promise<ReferralEntity[]> {
    return this.referrals.byCase(caseId);
  }

  /** The unit's inbox (addressed to it) or sent queue, newest first, keyset-paginated. */
  async queue(
    actor: Actor,
    queue: Queue,
    status: ReferralStatus[] | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ReferralPage> {
    const units = await this.access.actingUnitIds(actor);
    return keysetPage(
      this.referrals.queueQuery(queue === 'inbox' ? 'to' : 'from', units, status),
      { column: 'r.sent_at', idColumn: 'r.id', timeOf: (r) => r.sentAt },
      first,
      after,
    );
  }
}
