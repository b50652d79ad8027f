import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { isUuid, notFound } from '@simpul/common';
import { keysetPage, rankedKeysetPage, type KeysetPage } from '@simpul/database';
import { unitIdsOfAgencySql } from '@simpul/agency';
import {
  CaseAccess,
  caseIdsByReferenceSql,
  caseIdsInProvinceSql,
  containsPattern,
} from '@simpul/case';
import { CLOCK, type Clock } from '@simpul/config';
import type { Actor } from '@simpul/identity';
import { slaStateSql } from '@simpul/sla';
import { ReferralEntity } from './entities/referral.entity';
import type { ReferralStatus } from './referral-enums';
import type { ReferralQueueFilter } from './referral-queue-filter';
import {
  NOT_PRESSING_RANK,
  openReferralSql,
  ReferralQueueOrder,
  referralStageSql,
  urgencyRankSql,
  type ReferralStage,
} from './referral-queue-order';
import { ReferralStanding } from './referral-standing';
import { ReferralView } from './referral-visibility';

export type ReferralPage = KeysetPage<ReferralEntity>;

export type Queue = 'inbox' | 'sent';

/** What narrows a queue besides the filter: statuses and stages (both when both are given). */
export interface QueueNarrowing {
  status: ReferralStatus[] | null | undefined;
  stage: ReferralStage[] | null | undefined;
  filter: ReferralQueueFilter;
}

/** One unit's share of a queue (ReferralReader.unitCounts). */
export interface UnitCount {
  unitId: string;
  total: number;
  open: number;
  overdue: number;
  atRisk: number;
}

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
    @Inject(CLOCK) private readonly clock: Clock,
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
    const { view } = await this.standing.of(actor, found);
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

  /**
   * The unit's inbox (addressed to it) or sent queue, keyset-paginated: newest first, or the
   * pressing referrals first (urgencyRank, at the clock's time of the first page) and then the
   * rest newest first.
   */
  async queue(
    actor: Actor,
    queue: Queue,
    narrow: QueueNarrowing,
    order: ReferralQueueOrder,
    first?: number | null,
    after?: string | null,
  ): Promise<ReferralPage> {
    const { qb } = await this.queueQuery(actor, queue, narrow.filter);
    if (narrow.status?.length) qb.andWhere('r.status = ANY(:status)', { status: narrow.status });
    if (narrow.stage?.length) {
      qb.andWhere(`${referralStageSql('r')} = ANY(:stage)`, { stage: narrow.stage });
    }
    const page = { column: 'r.sent_at', idColumn: 'r.id', timeOf: (r: ReferralEntity) => r.sentAt };
    switch (order) {
      case ReferralQueueOrder.NEWEST_FIRST:
        return keysetPage(qb, page, first, after);
      case ReferralQueueOrder.URGENT_FIRST:
        return rankedKeysetPage(
          qb,
          {
            ...page,
            rankSql: (asOf) => urgencyRankSql('r', asOf),
            restRank: NOT_PRESSING_RANK,
            rankedOnlySql: openReferralSql('r'),
          },
          this.clock.now(),
          first,
          after,
        );
    }
  }

  /** How many referrals of the filtered queue are in each status (the console's tab counts). */
  async statusCounts(
    actor: Actor,
    queue: Queue,
    filter: ReferralQueueFilter,
  ): Promise<{ status: ReferralStatus; count: number }[]> {
    const { qb } = await this.queueQuery(actor, queue, filter);
    const rows = await qb
      .select('r.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy('r.status')
      .orderBy('r.status')
      .getRawMany<{ status: ReferralStatus; count: number }>();
    return rows;
  }

  /**
   * How many referrals of the filtered queue are in each stage and status: the console's tabs are
   * stages, and ON_HOLD counts under the stage it stands in (before or after acceptance).
   */
  async stageCounts(
    actor: Actor,
    queue: Queue,
    filter: ReferralQueueFilter,
  ): Promise<{ stage: ReferralStage; status: ReferralStatus; count: number }[]> {
    const { qb } = await this.queueQuery(actor, queue, filter);
    const stage = referralStageSql('r');
    return qb
      .select(stage, 'stage')
      .addSelect('r.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy(stage)
      .addGroupBy('r.status')
      .orderBy('stage')
      .addOrderBy('r.status')
      .getRawMany<{ stage: ReferralStage; status: ReferralStatus; count: number }>();
  }

  /**
   * Per unit of the caller's side of the filtered queue (the addressed unit in the inbox, the
   * sending unit in sent): how many referrals, how many still open, how many awaiting a decision
   * past their deadline (overdue) and how many nearly so (at risk), over the whole queue at the
   * clock's time. Every unit the caller acts for is listed, with zeros when it has none.
   */
  async unitCounts(actor: Actor, queue: Queue, filter: ReferralQueueFilter): Promise<UnitCount[]> {
    const { qb, units, ownSide } = await this.queueQuery(actor, queue, filter);
    const sla = slaStateSql('r', ':countNow::timestamptz');
    const open = `r.status IN ('REQUESTED', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')`;
    const rows = await qb
      .select(ownSide, 'unitId')
      .addSelect('count(*)::int', 'total')
      .addSelect(`(count(*) FILTER (WHERE ${open}))::int`, 'open')
      .addSelect(
        `(count(*) FILTER (WHERE ${sla} = 'BREACHED' AND r.status IN ('REQUESTED', 'RECEIVED')))::int`,
        'overdue',
      )
      .addSelect(`(count(*) FILTER (WHERE ${sla} = 'AT_RISK'))::int`, 'atRisk')
      .setParameter('countNow', this.clock.now())
      .groupBy(ownSide)
      .getRawMany<UnitCount>();
    const byUnit = new Map(rows.map((row) => [row.unitId, row]));
    return units.map(
      (unitId) => byUnit.get(unitId) ?? { unitId, total: 0, open: 0, overdue: 0, atRisk: 0 },
    );
  }

  /**
   * The caller's units' side of the queue, narrowed by the filter. The case's province and number
   * and the other side's agency are sub-selects the case and agency libs write over their own
   * tables; the SLA state is the SQL twin of computeSla, at the reading clock's time.
   */
  private async queueQuery(actor: Actor, queue: Queue, filter: ReferralQueueFilter) {
    const units = await this.access.caseworkUnitIds(actor);
    const [ownSide, otherSide] =
      queue === 'inbox' ? ['r.to_unit_id', 'r.from_unit_id'] : ['r.from_unit_id', 'r.to_unit_id'];
    // One unit (a desk officer's queue) by equality: an index on (unit, sent_at DESC, id DESC)
    // then yields the queue in order, which `= ANY(…)` keeps it from doing.
    const qb = this.dataSource.manager.createQueryBuilder(ReferralEntity, 'r');
    if (units.length === 1) qb.where(`${ownSide} = :unit::uuid`, { unit: units[0] });
    else qb.where(`${ownSide} = ANY(:units::uuid[])`, { units });
    if (filter.priority) qb.andWhere('r.priority = ANY(:priority)', { priority: filter.priority });
    if (filter.sla) {
      qb.andWhere(`${slaStateSql('r', ':slaNow::timestamptz')} = ANY(:sla)`, {
        slaNow: this.clock.now(),
        sla: filter.sla,
      });
    }
    if (filter.counterpartAgencyId) {
      qb.andWhere(`${otherSide} IN (${unitIdsOfAgencySql('counterpartAgency')})`, {
        counterpartAgency: filter.counterpartAgencyId,
      });
    }
    if (filter.provinceCode) {
      qb.andWhere(`r.case_id IN (${caseIdsInProvinceSql('province')})`, {
        province: filter.provinceCode,
      });
    }
    if (filter.search) {
      qb.andWhere(
        `(r.reference ILIKE :search OR r.case_id IN (${caseIdsByReferenceSql('search')}))`,
        { search: containsPattern(filter.search) },
      );
    }
    return { qb, units, ownSide };
  }
}
