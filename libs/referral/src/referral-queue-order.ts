import { Priority, SlaState, slaStateSql } from '@simpul/sla';
import { ReferralStatus as S } from './referral-enums';

/** How the inbox and the sent queue are ordered. */
export enum ReferralQueueOrder {
  /** Newest sent first (the default). */
  NEWEST_FIRST = 'NEWEST_FIRST',
  /** Pressing referrals first (see urgencyRank), then the rest newest first. */
  URGENT_FIRST = 'URGENT_FIRST',
}

/**
 * Where a referral stands for the unit it is addressed to — the console's tabs. A referral put
 * ON_HOLD before anyone accepted it is still awaiting the receiver's decision (it resumes to
 * RECEIVED, and the sender may still withdraw it); only one held after acceptance is in hand.
 */
export enum ReferralStage {
  AWAITING_DECISION = 'AWAITING_DECISION',
  IN_HAND = 'IN_HAND',
  CLOSED = 'CLOSED',
}

const OPEN: readonly S[] = [S.REQUESTED, S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD];

export function referralStage(status: S, accepted: boolean): ReferralStage {
  switch (status) {
    case S.REQUESTED:
    case S.RECEIVED:
      return ReferralStage.AWAITING_DECISION;
    case S.ON_HOLD:
      return accepted ? ReferralStage.IN_HAND : ReferralStage.AWAITING_DECISION;
    case S.ACCEPTED:
    case S.IN_PROGRESS:
      return ReferralStage.IN_HAND;
    case S.REJECTED:
    case S.REDIRECTED:
    case S.COMPLETED:
    case S.CANCELLED:
    case S.FAILED:
      return ReferralStage.CLOSED;
  }
}

/** referralStage as SQL over a referral row (`alias`), to narrow and count queues by stage. */
export function referralStageSql(alias: string): string {
  return `(CASE
    WHEN ${alias}.status IN ('REQUESTED', 'RECEIVED')
      OR (${alias}.status = 'ON_HOLD' AND ${alias}.accepted_at IS NULL) THEN 'AWAITING_DECISION'
    WHEN ${alias}.status IN ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD') THEN 'IN_HAND'
    ELSE 'CLOSED' END)`;
}

const SLA_RANK: Record<SlaState, number> = {
  [SlaState.BREACHED]: 0,
  [SlaState.AT_RISK]: 1,
  [SlaState.ON_TRACK]: 2,
  [SlaState.PAUSED]: 3,
  [SlaState.MET]: 4,
};
const PRIORITY_RANK: Record<Priority, number> = {
  [Priority.EMERGENCY]: 0,
  [Priority.URGENT]: 1,
  [Priority.ROUTINE]: 2,
};

/**
 * Whether a referral row (`alias`) is still open, as SQL: every pressing referral is. Written as
 * the partial indexes `referral_inbox_open_idx` and `referral_sent_open_idx` are (migration
 * 1764980000000), so that the planner reads a queue's open referrals from them.
 */
export function openReferralSql(alias: string): string {
  return `${alias}.status IN (${OPEN.map((status) => `'${status}'`).join(', ')})`;
}

/** The rank of every referral that is not pressing: after all pressing ones. */
export const NOT_PRESSING_RANK = 99;

/**
 * How pressing a referral is, lowest first. Pressing: still open (awaiting a decision or in
 * hand) and EMERGENCY, past its deadline (BREACHED) or nearly so (AT_RISK); those rank by SLA
 * state, then priority. Every other referral ranks the same, so that they stay newest first.
 */
export function urgencyRank(referral: { status: S; priority: Priority; sla: SlaState }): number {
  const pressing =
    OPEN.includes(referral.status) &&
    (referral.priority === Priority.EMERGENCY ||
      referral.sla === SlaState.BREACHED ||
      referral.sla === SlaState.AT_RISK);
  return pressing
    ? SLA_RANK[referral.sla] * 10 + PRIORITY_RANK[referral.priority]
    : NOT_PRESSING_RANK;
}

/**
 * urgencyRank as SQL over a referral row, its SLA state computed by slaStateSql at `now` (the SQL
 * of an instant). An integration test (test/integration/referral-queue-order.integration-spec.ts)
 * holds the two to the same answer.
 */
export function urgencyRankSql(alias: string, now: string): string {
  const sla = slaStateSql(alias, now);
  const slaRank = Object.entries(SLA_RANK)
    .map(([state, rank]) => `WHEN '${state}' THEN ${rank * 10}`)
    .join(' ');
  const priorityRank = Object.entries(PRIORITY_RANK)
    .map(([priority, rank]) => `WHEN '${priority}' THEN ${rank}`)
    .join(' ');
  return `(CASE WHEN ${openReferralSql(alias)}
      AND (${alias}.priority = 'EMERGENCY' OR ${sla} IN ('BREACHED', 'AT_RISK'))
    THEN (CASE ${sla} ${slaRank} END) + (CASE ${alias}.priority ${priorityRank} END)
    ELSE ${NOT_PRESSING_RANK} END)`;
}
