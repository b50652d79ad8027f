import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeKeysetCursor, encodeCursor, pageSize } from '@simpul/common';

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
