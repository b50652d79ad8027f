import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { isUuid, notFound } from '@simpul/common';
import { keysetPage, type KeysetPage } from '@simpul/database';
import { CaseAccess } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import { ReferralEntity } from './entities/referral.entity';
import type { ReferralStatus } from './referral-enums';
import { ReferralStanding } from './referral-standing';
import { ReferralView } from './referral-visibility';

export type ReferralPage = KeysetPage<ReferralEntity>;

export type Queue = 'inbox' | 'sent';

/** What the need-to-know rules need to know of a referral (no content). */
export type ReferralSidesRow = Pick<
  ReferralEntity,
  'id' | 'caseId' | 'fromUnitId' | 'toUnitId' | 'confidential'
>;

const SIDES = {
  id: true,
  caseId: true,
  fromUnitId: true,
  toUnitId: true,
  confidential: true,
} as const;

/**
 * Read side of referrals. Entry points (byId, queue) apply the access rules; the batch reads
 * (byIds, byCase, sides*) serve resolvers that apply them through ReferralViews.
 */
@Injectable()
export class ReferralReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly standing: ReferralStanding,
  ) {}

  /** The referral if the caller may see it (in full or restricted), else NOT_FOUND. */
  async byId(actor: Actor, id: string): Promise<ReferralEntity> {
    return (await this.viewById(actor, id)).referral;
  }

  /** The referral and how much of it the caller sees; NOT_FOUND when it sees nothing. */
  async viewById(
    actor: Actor,
    id: string,
  ): Promise<{ referral: ReferralEntity; view: ReferralView.FULL | ReferralView.EXISTENCE }> {
    const found = isUuid(id)
      ? await this.dataSource.manager.findOneBy(ReferralEntity, { id })
      : null;
    if (!found) throw notFound('Referral');
    const { view } = await this.standing.of(actor, found, this.dataSource.manager);
    if (view === ReferralView.NONE) throw notFound('Referral');
    return { referral: found, view };
  }

  byIds(ids: readonly string[]): Promise<ReferralEntity[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return Promise.resolve([]);
    return this.dataSource.manager.findBy(ReferralEntity, { id: In(valid) });
  }

  byCase(caseId: string): Promise<ReferralEntity[]> {
    return this.dataSource.manager.find(ReferralEntity, {
      where: { caseId },
      order: { sentAt: 'ASC' },
    });
  }

  /** Sides and flag of these referrals, for filtering ledger entries (one query). */
  sidesByIds(ids: readonly string[]): Promise<ReferralSidesRow[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return Promise.resolve([]);
    return this.dataSource.manager.find(ReferralEntity, {
      select: SIDES,
      where: { id: In(valid) },
    });
  }

  /** The unit's inbox (addressed to it) or sent queue, newest first, keyset-paginated. */
  async queue(
    actor: Actor,
    queue: Queue,
    status: ReferralStatus[] | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ReferralPage> {
    const units = await this.access.caseworkUnitIds(actor);
    const column = queue === 'inbox' ? 'r.to_unit_id' : 'r.from_unit_id';
    const qb = this.dataSource.manager
      .createQueryBuilder(ReferralEntity, 'r')
      .where(`${column} = ANY(:units::uuid[])`, { units });
    if (status?.length) qb.andWhere('r.status = ANY(:status)', { status });
    return keysetPage(
      qb,
      { column: 'r.sent_at', idColumn: 'r.id', timeOf: (r) => r.sentAt },
      first,
      after,
    );
  }
}
