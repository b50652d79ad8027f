/**
 * What travels over Redis pub/sub when a ledger entry is committed: ids and codes only. Gateways
 * filter it per subscriber and resolve the full HandoffEvent from PostgreSQL.
 */
export interface HandoffEventMessage {
  seq: string;
  action: string;
  caseId: string | null;
  referralId: string | null;
  alertId: string | null;
  fromUnitId: string | null;
  toUnitId: string | null;
}
