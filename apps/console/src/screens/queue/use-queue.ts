import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRequest, useClient, useQuery } from 'urql';
import type { QueueReferralData } from '../../graphql/fragments';
import { useLiveTick } from '../../live/arrivals';
import { queueVariables, type QueueFilter } from './queue-filter';
import { INBOX, SENT } from './queue-queries';

export type QueueKind = 'inbox' | 'sent' | 'returned';

export type QueueRow = QueueReferralData & {
  redirectedTo?: { id: string; reference: string } | null;
};

type StageCount = {
  stage: 'AWAITING_DECISION' | 'IN_HAND' | 'CLOSED';
  status: QueueReferralData['status'];
  count: number;
};

interface Page {
  rows: QueueRow[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Rows per page: enough for a desk's day, small enough for a slow link. */
const PAGE_SIZE = 50;

/**
 * One queue (inbox, sent, or sent and declined) as the server narrows and orders it for `filter`
 * — the pressing referrals first over the whole queue, not only the rows loaded: the first page
 * live (refetched on every live event of the unit), further pages on request ("load more"), and
 * the per-stage counts of the whole filtered queue for the tabs. Whenever the first page comes
 * back anew (a live event, an action), the pages loaded after it are read again from its new end,
 * as many as were shown: a new EMERGENCY referral pushes every row down one place, and a decided
 * one leaves its place, so the old pages would repeat or lose a row and keep the old order.
 * Typing in the search box asks the server once the officer pauses, not at every key.
 */
export function useQueue(kind: QueueKind, filter: QueueFilter) {
  const tick = useLiveTick();
  const client = useClient();
  const inbox = kind === 'inbox';
  const [search] = useDebouncedValue(filter.search, 300);
  const variables = useMemo(
    () => ({
      first: PAGE_SIZE,
      ...queueVariables({ ...filter, search }, kind === 'returned' ? ['REJECTED'] : undefined),
    }),
    [filter, search, kind],
  );
  const [inboxResult, refetchInbox] = useQuery({ query: INBOX, variables, pause: !inbox });
  const [sentResult, refetchSent] = useQuery({ query: SENT, variables, pause: inbox });
  const result = inbox ? inboxResult : sentResult;
  const refetch = inbox ? refetchInbox : refetchSent;
  // urql keeps the previous variables' data while the new ones load: a tab just pressed would
  // show the last tab's rows under its name (a referral held before acceptance listed under
  // Ditangani) until the server answered. Rows count only when they answer these variables.
  const asked = inbox ? createRequest(INBOX, variables).key : createRequest(SENT, variables).key;
  const answersAsked = result.operation?.key === asked;
  useEffect(() => {
    if (tick) refetch({ requestPolicy: 'network-only' });
  }, [tick, refetch]);

  const first: Page & { counts: StageCount[]; totalCount: number } = useMemo(() => {
    const connection = !answersAsked
      ? undefined
      : inbox
        ? inboxResult.data?.inbox
        : sentResult.data?.sent;
    // The tab counts do not depend on the tab pressed: the last ones stay until the new answer.
    const counts = (inbox ? inboxResult.data : sentResult.data)?.referralQueueStageCounts ?? [];
    return {
      rows: (connection?.edges ?? []).map((edge) => edge.node as QueueRow),
      endCursor: connection?.pageInfo.endCursor ?? null,
      hasNextPage: connection?.pageInfo.hasNextPage ?? false,
      counts,
      totalCount: connection?.totalCount ?? 0,
    };
  }, [answersAsked, inbox, inboxResult.data, sentResult.data]);

  // Pages after the first, for these variables only: a new filter starts from its first page.
  const key = JSON.stringify(variables);
  const [more, setMore] = useState<{ key: string; pages: Page[] }>({ key, pages: [] });
  const pages = useMemo(() => (more.key === key ? more.pages : []), [more, key]);
  const last = pages.at(-1) ?? first;
  const [loadingMore, setLoadingMore] = useState(false);
  /** The page after `after`, from the server (never the cache: the window is being reread). */
  const fetchPage = useCallback(
    async (after: string): Promise<Page | null> => {
      const context = { requestPolicy: 'network-only' as const };
      const next = inbox
        ? await client.query(INBOX, { ...variables, after }, context).toPromise()
        : await client.query(SENT, { ...variables, after }, context).toPromise();
      const connection = next.data && ('inbox' in next.data ? next.data.inbox : next.data.sent);
      if (!connection) return null;
      return {
        rows: connection.edges.map((edge) => edge.node as QueueRow),
        endCursor: connection.pageInfo.endCursor,
        hasNextPage: connection.pageInfo.hasNextPage,
      };
    },
    [client, inbox, variables],
  );
  // Each rereading of the window supersedes one still on its way.
  const generation = useRef(0);
  const loadMore = useCallback(async () => {
    if (!last.hasNextPage || !last.endCursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchPage(last.endCursor);
      if (page) setMore({ key, pages: [...pages, page] });
    } finally {
      setLoadingMore(false);
    }
  }, [fetchPage, key, last, pages]);

  // The first page came back anew: reread the pages shown after it, in the server's order now
  // (as many as are shown when each arrives: one loaded meanwhile is reread too).
  const shown = useRef({ key, count: 0 });
  useEffect(() => {
    shown.current = { key, count: pages.length };
  }, [key, pages.length]);
  useEffect(() => {
    const { key: shownKey, count } = shown.current;
    if (!count) return;
    const mine = ++generation.current;
    void (async () => {
      const fresh: Page[] = [];
      let cursor = first.hasNextPage ? first.endCursor : null;
      while (cursor && fresh.length < Math.max(count, shown.current.count)) {
        const page = await fetchPage(cursor);
        if (!page || generation.current !== mine || shown.current.key !== shownKey) return;
        fresh.push(page);
        cursor = page.hasNextPage ? page.endCursor : null;
      }
      if (generation.current === mine) setMore({ key: shownKey, pages: fresh });
    })();
  }, [first, fetchPage]);

  const rows = useMemo(() => {
    const seen = new Set<string>();
    return [first, ...pages]
      .flatMap((page) => page.rows)
      .filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
  }, [first, pages]);

  return {
    rows,
    counts: first.counts,
    totalCount: first.totalCount,
    hasMore: last.hasNextPage,
    loadMore,
    loadingMore,
    fetching: !answersAsked || (result.fetching && !result.data),
    error: result.error,
    refetch,
  };
}
