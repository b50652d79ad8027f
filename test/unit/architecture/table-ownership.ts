/**
 * Which lib owns which table (and sequence): the one map the architecture tests check against
 * (docs/architecture.md, "Each context owns its tables"). Only the owner writes SQL that names
 * the table; other libs ask the owner's public service or a port it implements. The schema
 * itself is created by migrations in libs/database/src/migrations, for every owner.
 */
export const TABLE_OWNERS: Readonly<Record<string, string>> = {
  agency: 'agency',
  unit: 'agency',
  officer: 'identity',
  auth_session: 'identity',
  refresh_token: 'identity',
  revoked_token: 'identity',
  login_failure: 'identity',
  login_lockout: 'identity',
  case: 'case',
  case_reference_seq: 'case',
  case_party: 'case',
  person: 'case',
  person_access: 'case',
  referral: 'referral',
  referral_person: 'referral',
  referral_reference_seq: 'referral',
  ledger_entry: 'ledger',
  ledger_head: 'ledger',
  handoff_note: 'ledger',
  outbox: 'delivery',
  idempotency_key: 'database',
  // TypeORM's own bookkeeping of applied migrations.
  schema_migration: 'database',
};
