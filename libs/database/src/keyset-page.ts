import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  decodeKeysetCursor,
  decodeRankedKeysetCursor,
  encodeCursor,
  pageSize,
} from '@simpul/common';

export interface KeysetPage<T> {
  items: { cursor: string; entity: T }[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * Newest-first keyset pagination over (timestamp column, id): stable under concurrent inserts,
 * unlike offsets. `column` is the SQL column (e.g. `r.sent_at`), `timeOf` reads it off an entity.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: { column: string; idColumn: string; timeOf: (entity: T) => Date },
  first?: number | null,
  after?: string | null,
): Promise<KeysetPage<T>> {
  const limit = pageSize(first);
  const totalCount = await query.clone().getCount();
  if (after) {
    const { time, id } = decodeKeysetCursor(after);
    query.andWhere(
      `(${page.column}, ${page.idColumn}) < (:afterTime::timestamptz, :afterId::uuid)`,
      {
        afterTime: time,
        afterId: id,
      },
    );
  }
  const rows = await query
    .orderBy(page.column, 'DESC')
    .addOrderBy(page.idColumn, 'DESC')
    .take(limit + 1)
    .getMany();
  return {
    items: rows.slice(0, limit).map((entity) => ({
      cursor: encodeCursor([page.timeOf(entity).toISOString(), entity.id]),
      entity,
    })),
    hasNextPage: rows.length > limit,
    totalCount,
  };
}

/**
 * Keyset pagination over (rank ascending, timestamp column descending, id descending): the most
 * pressing rank first, newest first within a rank. `rankSql` writes the rank as SQL from the SQL
 * of the instant it is computed at; that instant travels in the cursor, so that a rank which
 * moves with the clock (an SLA state) is computed alike on every page and paging neither skips
 * nor repeats a row because time passed between two pages. `now` is the instant for a first page.
 *
 * A rank that moves with the clock cannot be indexed, so a page is read in two parts that can:
 * the ranked rows — only among `rankedOnlySql`, a clock-free condition every row ranked before
 * `restRank` meets (open referrals, which a partial index holds) — ranked and sorted; then, if
 * the page is not full, the rest (`restRank`), newest first straight off an index on
 * (side, column DESC, id DESC). One query ordering the whole queue by rank sorted every row of it
 * on every page (test/integration/referral-queue-plan.integration-spec.ts).
 */
export async function rankedKeysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: {
    column: string;
    idColumn: string;
    timeOf: (entity: T) => Date;
    rankSql: (asOf: string) => string;
    restRank: number;
    rankedOnlySql: string;
  },
  now: Date,
  first?: number | null,
  after?: string | null,
): Promise<KeysetPage<T>> {
  const limit = pageSize(first);
  const totalCount = await query.clone().getCount();
  const position = after ? decodeRankedKeysetCursor(after) : null;
  const asOf = position?.asOf ?? now.toISOString();
  const rank = page.rankSql(':rankAsOf::timestamptz');
  const older = `(${page.column}, ${page.idColumn}) < (:afterTime::timestamptz, :afterId::uuid)`;
  const cursorTime = position && { afterTime: position.time, afterId: position.id };
  const rows: { entity: T; rank: number }[] = [];
  const read = async (part: SelectQueryBuilder<T>, take: number) => {
    const { entities, raw } = await part
      .addSelect(rank, 'queue_rank')
      .setParameters({ rankAsOf: asOf, restRank: page.restRank })
      .addOrderBy(page.column, 'DESC')
      .addOrderBy(page.idColumn, 'DESC')
      .limit(take)
      .getRawAndEntities<{ queue_rank: number }>();
    entities.forEach((entity, i) => rows.push({ entity, rank: Number(raw[i].queue_rank) }));
  };
  if (!position || position.rank < page.restRank) {
    const ranked = query
      .clone()
      .andWhere(page.rankedOnlySql)
      .andWhere(`${rank} < :restRank`)
      .orderBy('queue_rank', 'ASC');
    if (position) {
      ranked.andWhere(`(${rank} > :afterRank OR (${rank} = :afterRank AND ${older}))`, {
        afterRank: position.rank,
        ...cursorTime,
      });
    }
    await read(ranked, limit + 1);
  }
  if (rows.length <= limit) {
    // Written so that the planner sees most rows pass (the rank alone it cannot estimate).
    const rest = query.clone().andWhere(`(NOT ${page.rankedOnlySql} OR ${rank} = :restRank)`);
    if (position?.rank === page.restRank) rest.andWhere(older, cursorTime ?? {});
    await read(rest, limit + 1 - rows.length);
  }
  return {
    items: rows.slice(0, limit).map(({ entity, rank: rankOf }) => ({
      cursor: encodeCursor([asOf, rankOf, page.timeOf(entity).toISOString(), entity.id]),
      entity,
    })),
    hasNextPage: rows.length > limit,
    totalCount,
  };
}
