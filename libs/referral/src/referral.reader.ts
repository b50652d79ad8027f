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

export type ReferralPage = KeysetPage<ReferralEntity>;

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
    const units = await this.access.actingUnitIds(actor);
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
