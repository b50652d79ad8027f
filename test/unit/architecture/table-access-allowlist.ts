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
];
