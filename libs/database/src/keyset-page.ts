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
 */
export async function rankedKeysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: {
    column: string;
    idColumn: string;
    timeOf: (entity: T) => Date;
    rankSql: (asOf: string) => string;
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
  query.addSelect(rank, 'queue_rank').setParameter('rankAsOf', asOf);
  if (position) {
    query.andWhere(
      `(${rank} > :afterRank OR (${rank} = :afterRank AND (${page.column}, ${page.idColumn}) < (:afterTime::timestamptz, :afterId::uuid)))`,
      { afterRank: position.rank, afterTime: position.time, afterId: position.id },
    );
  }
  const { entities, raw } = await query
    .orderBy('queue_rank', 'ASC')
    .addOrderBy(page.column, 'DESC')
    .addOrderBy(page.idColumn, 'DESC')
    .limit(limit + 1)
    .getRawAndEntities<{ queue_rank: number }>();
  return {
    items: entities.slice(0, limit).map((entity, i) => ({
      cursor: encodeCursor([
        asOf,
        Number(raw[i].queue_rank),
        page.timeOf(entity).toISOString(),
        entity.id,
      ]),
      entity,
    })),
    hasNextPage: entities.length > limit,
    totalCount,
  };
}
