/**
 * computeSla (sla-state.ts) as a SQL expression over a referral row, so that a queue can be
 * filtered by SLA state in the database instead of in the browser. Keep the two in step: an
 * integration test (test/integration/referral-queue-filters.integration-spec.ts) compares them on
 * every status at the window's edges. `alias` is the referral table's alias; `now` the SQL of
 * the reading clock's time (a bound parameter, cast to timestamptz). Epoch seconds are numeric:
 * the 3/4 comparison stays exact, like the integer comparison in computeSla.
 */
export function slaStateSql(alias: string, now: string): string {
  const column = (name: string) => `${alias}.${name}`;
  const waiting = (dueAt: string) => `CASE
      WHEN ${now} > ${dueAt} THEN 'BREACHED'
      WHEN 4 * extract(epoch FROM ${now} - ${column('sent_at')})
           >= 3 * extract(epoch FROM ${dueAt} - ${column('sent_at')}) THEN 'AT_RISK'
      ELSE 'ON_TRACK' END`;
  const onTime = (at: string, dueAt: string) =>
    `CASE WHEN coalesce(${at}, ${now}) <= ${dueAt} THEN 'MET' ELSE 'BREACHED' END`;
  const deadlineAtDecision = `CASE WHEN ${column('acknowledged_at')} IS NULL
      THEN ${column('acknowledge_by')} ELSE ${column('accept_by')} END`;
  return `(CASE ${column('status')}
    WHEN 'REQUESTED' THEN ${waiting(column('acknowledge_by'))}
    WHEN 'RECEIVED' THEN ${waiting(column('accept_by'))}
    WHEN 'ON_HOLD' THEN 'PAUSED'
    WHEN 'ACCEPTED' THEN ${onTime(column('accepted_at'), column('accept_by'))}
    WHEN 'IN_PROGRESS' THEN ${onTime(column('accepted_at'), column('accept_by'))}
    WHEN 'COMPLETED' THEN ${onTime(column('accepted_at'), column('accept_by'))}
    WHEN 'FAILED' THEN ${onTime(column('accepted_at'), column('accept_by'))}
    ELSE ${onTime(column('closed_at'), deadlineAtDecision)} END)`;
}
