import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { PingPongReader } from '../ping-pong.reader';

/**
 * Tells the province's Gugus Tugas once about each case that crossed the ping-pong threshold:
 * a CASE_PING_PONG ledger entry addressed to its unit — which the notification lib turns into a
 * notification for the unit's supervisors, and which reaches its live events — and a
 * ping_pong_alert row in the same transaction, so a case is alerted once however
 * many workers sweep at the same time. The count leaves out confidential referrals: the task force
 * is not a party to them.
 */
@Injectable()
export class RaisePingPongAlertsUseCase {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pingPong: PingPongReader,
    private readonly ledger: LedgerWriter,
  ) {}

  /** Alerts every case over the threshold not alerted yet; resolves to those cases' ids. */
  async execute(): Promise<string[]> {
    const threshold = this.config.pingPongThreshold;
    const crossed = await this.pingPong.cases({
      threshold,
      provinceCode: null,
      includeConfidential: false,
    });
    const raised: string[] = [];
    for (const row of crossed) {
      const inserted = await this.tx.runOwn(async () => {
        const [unit]: { id: string }[] = await this.tx.manager.query(
          // The province's task force, else the national one (its own unit, coded as its agency).
          `SELECT u.id FROM unit u JOIN agency a ON a.id = u.agency_id
            WHERE a.kind = 'GUGUS_TUGAS'
              AND (u.region_code = $1 OR (u.region_code IS NULL AND u.country_code IS NULL))
            ORDER BY (u.region_code IS NOT NULL) DESC, (u.code = a.code) DESC, u.code
            LIMIT 1`,
          [row.provinceCode],
        );
        if (!unit) return false;
        const claimed: unknown[] = await this.tx.manager.query(
          `INSERT INTO ping_pong_alert (case_id, gugus_tugas_unit_id, bounces) VALUES ($1, $2, $3)
           ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
          [row.caseId, unit.id, row.bounces],
        );
        if (claimed.length === 0) return false;
        await this.ledger.append([
          {
            action: HandoffAction.CASE_PING_PONG,
            actorId: null,
            fromUnitId: null,
            toUnitId: unit.id,
            caseId: row.caseId,
            referralId: null,
            payload: { reference: row.caseReference, bounces: row.bounces, threshold },
          },
        ]);
        return true;
      });
      if (inserted) raised.push(row.caseId);
    }
    return raised;
  }
}
