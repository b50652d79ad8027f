import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, isUuid, notFound, pageSize } from '@simpul/common';
import { CaseAccess } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import { ReferralEntity } from './entities/referral.entity';
import type { ReferralStatus } from './referral-enums';
import { ReferralStanding } from './referral-standing';

export interface ReferralPage {
  items: { cursor: string; entity: ReferralEntity }[];
  hasNextPage: boolean;
  totalCount: number;
}

export type Queue = 'inbox' | 'sent';

/** Read side of referrals; every entry point applies the access rules. */
@Injectable()
export class ReferralReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly standing: ReferralStanding,
  ) {}

  async byId(actor: Actor, id: string): Promise<ReferralEntity> {
    const found = isUuid(id)
      ? await this.dataSource.manager.findOneBy(ReferralEntity, { id })
      : null;
    if (!found) throw notFound('Referral');
    const standing = await this.standing.of(actor, found, this.dataSource.manager);
    if (!standing.canSee) throw notFound('Referral');
    return found;
  }

  /** For field resolvers under an object the caller could already see. */
  byIds(ids: readonly string[]): Promise<ReferralEntity[]> {
    return this.dataSource.manager.findBy(ReferralEntity, { id: In([...ids]) });
  }

  byCase(caseId: string): Promise<ReferralEntity[]> {
    return this.dataSource.manager.find(ReferralEntity, {
      where: { caseId },
      order: { sentAt: 'ASC' },
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
    const limit = pageSize(first);
    const units = await this.access.actingUnitIds(actor);
    const column = queue === 'inbox' ? 'r.to_unit_id' : 'r.from_unit_id';
    const qb = this.dataSource.manager
      .createQueryBuilder(ReferralEntity, 'r')
      .where(`${column} = ANY(:units::uuid[])`, { units });
    if (status?.length) qb.andWhere('r.status = ANY(:status)', { status });
    const totalCount = await qb.clone().getCount();
    if (after) {
      const [sentAt, id] = decodeCursor(after, 2);
      qb.andWhere('(r.sent_at, r.id) < (:sentAt::timestamptz, :id::uuid)', { sentAt, id });
    }
    const rows = await qb
      .orderBy('r.sent_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return {
      items: rows.slice(0, limit).map((entity) => ({
        cursor: encodeCursor([entity.sentAt.toISOString(), entity.id]),
        entity,
      })),
      hasNextPage: rows.length > limit,
      totalCount,
    };
  }
}
