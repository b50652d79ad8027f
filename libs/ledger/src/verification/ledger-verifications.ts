import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TransactionHost } from '@simpul/database';
import type { IntegrityVerdict } from './ledger-integrity-check';

export type LedgerVerificationStatus = 'QUEUED' | 'RUNNING' | 'PASSED' | 'FAILED';

export interface LedgerVerificationView {
  id: string;
  status: LedgerVerificationStatus;
  requestedBy: string;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  checkedEntries: string | null;
  checkedCheckpoints: number | null;
  firstBadSeq: string | null;
  reason: string | null;
}

const COLUMNS = `id, status, requested_by AS "requestedBy", requested_at AS "requestedAt",
  started_at AS "startedAt", finished_at AS "finishedAt", checked_entries::text AS "checkedEntries",
  checked_checkpoints AS "checkedCheckpoints", first_bad_seq::text AS "firstBadSeq", reason`;

/** The ledger_verification rows: ADMIN's verifyLedger runs and what they found. */
@Injectable()
export class LedgerVerifications {
  constructor(
    private readonly tx: TransactionHost,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async insert(id: string, requestedBy: string): Promise<void> {
    await this.tx.manager.query(
      'INSERT INTO ledger_verification (id, requested_by) VALUES ($1, $2)',
      [id, requestedBy],
    );
  }

  async byId(id: string): Promise<LedgerVerificationView | null> {
    const [row] = await this.dataSource.query<LedgerVerificationView[]>(
      `SELECT ${COLUMNS} FROM ledger_verification WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  latest(limit: number): Promise<LedgerVerificationView[]> {
    return this.dataSource.query<LedgerVerificationView[]>(
      `SELECT ${COLUMNS} FROM ledger_verification ORDER BY requested_at DESC, id LIMIT $1`,
      [limit],
    );
  }

  /** Marks a queued run (or one a crashed worker left running) as running; false when finished. */
  async start(id: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `UPDATE ledger_verification SET status = 'RUNNING', started_at = now()
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  async finish(id: string, verdict: IntegrityVerdict): Promise<void> {
    await this.dataSource.query(
      `UPDATE ledger_verification
          SET status = $2, finished_at = now(), checked_entries = $3, checked_checkpoints = $4,
              first_bad_seq = $5, reason = $6
        WHERE id = $1`,
      [
        id,
        verdict.ok ? 'PASSED' : 'FAILED',
        String(verdict.checkedEntries),
        verdict.checkedCheckpoints,
        verdict.firstBadSeq,
        verdict.reason,
      ],
    );
  }
}
