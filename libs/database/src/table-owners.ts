/**
 * Which context (lib) owns each table the migrations create: the one lib whose code reads and
 * writes it in SQL or through its TypeORM entity. Every other lib asks that lib — its public
 * service, an SQL fragment it exports, or a port it implements — and never names the table itself
 * (docs/conventions.md, "Each context owns its tables").
 *
 * All migrations live in this lib, so a migration that adds a table adds its owner here:
 * `test/unit/architecture/table-ownership.spec.ts` fails on a migrated table without an owner, an
 * owner of a table no migration creates, an entity declared outside its table's owner, and any
 * SQL of one lib that touches another lib's table outside its commented allowlist
 * (`test/unit/architecture/table-access-allowlist.ts`); `test/integration/entities-match-tables.integration-spec.ts`
 * checks the same list against the migrated database.
 */
export const TABLE_OWNERS: Readonly<Record<string, string>> = {
  // agencies and their units (reference data and ADMIN's changes)
  agency: 'agency',
  unit: 'agency',
  // officers, sign-in, sessions and the login throttle
  officer: 'identity',
  auth_session: 'identity',
  refresh_token: 'identity',
  revoked_token: 'identity',
  login_failure: 'identity',
  login_known_pair: 'identity',
  login_lockout: 'identity',
  // cases, their parties and persons (sealed identities and who read them)
  case: 'case',
  case_party: 'case',
  person: 'case',
  person_access: 'case',
  // referrals, the persons they name, and their escalation ladder
  referral: 'referral',
  referral_person: 'referral',
  referral_escalation: 'referral',
  // the handoff ledger, its notes, chain head, Merkle tree, checkpoints and verifications
  ledger_entry: 'ledger',
  handoff_note: 'ledger',
  ledger_head: 'ledger',
  merkle_node: 'ledger',
  ledger_checkpoint: 'ledger',
  ledger_verification: 'ledger',
  // the transactional outbox
  outbox: 'delivery',
  // idempotency keys of every mutation that takes one (libs/database/src/idempotency.store.ts)
  idempotency_key: 'database',
  // alerts from the field, their routing and escalation
  alert: 'alert',
  alert_delivery: 'alert',
  alert_routing_rule: 'alert',
  alert_escalation: 'alert',
  // in-app notifications, work mailboxes and webhooks
  notification: 'notification',
  officer_work_email: 'notification',
  webhook_endpoint: 'notification',
  webhook_delivery: 'notification',
  // the one table of the read-only insight context (docs/adr/0012-insight-reads-across-contexts.md)
  ping_pong_alert: 'insight',
};
