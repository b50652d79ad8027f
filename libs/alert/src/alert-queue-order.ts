import { AlertStatus, Severity } from './alert-enums';

/** How the `alerts` list is ordered. */
export enum AlertQueueOrder {
  /** Newest raised first (the default). */
  NEWEST_FIRST = 'NEWEST_FIRST',
  /**
   * Alerts still open that a receiving unit of the caller's (or `unitId`) has not acknowledged
   * first, most severe first; then the rest. Newest first within each rank.
   */
  URGENT_FIRST = 'URGENT_FIRST',
}

const SEVERITY_RANK: Record<Severity, number> = {
  [Severity.CRITICAL]: 0,
  [Severity.HIGH]: 1,
  [Severity.MEDIUM]: 2,
  [Severity.LOW]: 3,
};

/** The rank of every alert that awaits no acknowledgement of the caller's: after all others. */
export const NOT_AWAITING_RANK = 9;

const OPEN = [AlertStatus.RAISED, AlertStatus.ACKNOWLEDGED];

/**
 * Whether an alert row (`alias`) is still open, as SQL: every alert awaiting an acknowledgement
 * is, so the ranked part of a page is read among these alone (rankedKeysetPage).
 */
export function openAlertSql(alias: string): string {
  return `${alias}.status IN (${OPEN.map((status) => `'${status}'`).join(', ')})`;
}

/**
 * How pressing an alert is for its reader, lowest first: open and awaiting the acknowledgement of
 * one of `receivingSql`'s units (the SQL of a uuid[]; null: of any unit, for an auditor) —
 * through its delivery or an escalation that reached that unit — ranks by severity; every other
 * alert ranks NOT_AWAITING_RANK. The same "not acknowledged" as the `acknowledged: false` filter.
 */
export function alertUrgencyRankSql(alias: string, receivingSql: string | null): string {
  const ofUnits = (row: string) =>
    receivingSql ? `AND ${row}.unit_id = ANY(${receivingSql})` : '';
  const severity = Object.entries(SEVERITY_RANK)
    .map(([level, rank]) => `WHEN '${level}' THEN ${rank}`)
    .join(' ');
  return `(CASE WHEN ${openAlertSql(alias)} AND (
      EXISTS (SELECT 1 FROM alert_delivery ud WHERE ud.alert_id = ${alias}.id ${ofUnits('ud')}
               AND ud.acknowledged_at IS NULL)
      OR EXISTS (SELECT 1 FROM alert_escalation ue WHERE ue.alert_id = ${alias}.id ${ofUnits('ue')}
               AND ue.acknowledged_at IS NULL))
    THEN (CASE ${alias}.severity ${severity} END)
    ELSE ${NOT_AWAITING_RANK} END)`;
}
