import type { TableAccess } from './sql-table-access';

/**
 * The places where a lib may touch a table another context owns (libs/database/src/table-owners.ts),
 * each with its reason. Anything else table-ownership.spec.ts finds is a failure; an entry that
 * no longer matches anything is one too, so this list only shrinks with the code.
 */
export interface TableAccessAllowance {
  /** The lib whose code touches the table. */
  lib: string;
  /** Tables of other contexts it may touch. */
  tables: readonly string[];
  /** `read` allows FROM/JOIN only; `write` allows anything. */
  access: TableAccess;
  /** Files of the lib (paths from the repository root), or every file of it when absent. */
  files?: readonly string[];
  reason: string;
}

export const TABLE_ACCESS_ALLOWLIST: readonly TableAccessAllowance[] = [
  {
    lib: 'insight',
    tables: ['agency', 'unit', 'case', 'person', 'referral', 'ledger_entry'],
    access: 'read',
    reason:
      'auditors’ questions aggregate across contexts in SQL, read-only ' +
      '(docs/adr/0012-insight-reads-across-contexts.md)',
  },
  // Not yet moved behind the owner (issue 6, item 7): each of these is a read of reference data
  // or of another context's row that a port or an exported fragment should replace.
  {
    lib: 'referral',
    tables: ['unit', 'agency'],
    access: 'read',
    files: [
      'libs/referral/src/escalation/arm-next-escalation.ts',
      'libs/referral/src/escalation/overdue.reader.ts',
      'libs/referral/src/jobs/referral-escalation.timers.ts',
    ],
    reason:
      'the escalation ladder joins units and agencies (time zone, head unit, province) in its ' +
      'sweeps; to become fragments exported by the agency lib like unitSidesSql',
  },
  {
    lib: 'alert',
    tables: ['unit', 'agency', 'case'],
    access: 'read',
    files: [
      'libs/alert/src/alert-routing.service.ts',
      'libs/alert/src/alert.reader.ts',
      'libs/alert/src/routing-rule-input.ts',
      'libs/alert/src/seed-alert-routing-rules.ts',
      'libs/alert/src/use-cases/link-alert-to-case.use-case.ts',
      'libs/alert/src/use-cases/raise-alert.use-case.ts',
    ],
    reason:
      'routing reads units and agencies, linking reads and locks the case; libs/alert is being ' +
      'changed by another engineer, so it moves behind UnitReader / CaseAccess after that lands',
  },
  {
    lib: 'notification',
    tables: ['unit', 'officer'],
    access: 'read',
    files: [
      'libs/notification/src/jobs/notify-handoff-events.handler.ts',
      'libs/notification/src/notification.reader.ts',
      'libs/notification/src/seed-demo-work-emails.ts',
      'libs/notification/src/webhook/webhook-endpoints.ts',
    ],
    reason:
      'audiences and webhook endpoints join officers and units; libs/notification is being ' +
      'changed by another engineer, so it moves behind OfficerReader / UnitReader after that lands',
  },
  {
    lib: 'notification',
    tables: ['unit', 'officer', 'referral'],
    access: 'write',
    files: [
      'libs/notification/src/subject-references.ts',
      'libs/notification/src/use-cases/create-webhook-endpoint.use-case.ts',
      'libs/notification/src/use-cases/set-officer-work-email.use-case.ts',
    ],
    reason:
      'these import UnitEntity, OfficerEntity and ReferralEntity to look rows up (reads only, ' +
      'but an entity class can write, so the scanner counts it as one); same owner as above',
  },
];
