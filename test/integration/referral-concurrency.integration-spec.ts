import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource, QueryRunner } from 'typeorm';
import { CaseStatus, OpenCaseUseCase, ExploitationType } from '@simpul/case';
import { DomainError, ErrorCode } from '@simpul/common';
import { HandoffAction, LedgerReader, verifyChain } from '@simpul/ledger';
import { SendReferralUseCase, ServiceType } from '@simpul/referral';
import { Priority } from '@simpul/sla';
import { bootGateway, dataSourceOf, unitId } from '../support/boot-in-process';
import { demoActor } from '../support/referral-fixtures';
import { startLedgerSequencer, waitForLedgerSealed } from '../support/start-ledger-sequencer';

describe('concurrent writers and idempotent replays', () => {
  let app: NestFastifyApplication;
  let sequencer: INestApplicationContext;
  beforeAll(async () => {
    app = await bootGateway();
    sequencer = await startLedgerSequencer();
  }, 30_000);
  afterAll(async () => {
    await sequencer?.close();
    await app.close();
  });

  const openCase = async (username: string, key?: string, title = 'Kasus uji') =>
    app.get(OpenCaseUseCase).execute(await demoActor(app, username), {
      title,
      exploitationTypes: [ExploitationType.FORCED_LABOUR],
      idempotencyKey: key,
    });

  it('50 parallel senders leave ledger seq 0..n-1 with a valid hash chain', async () => {
    const sender = await demoActor(app, 'kbri.phnompenh');
    const opened = await openCase('kbri.phnompenh');
    const toUnitId = await unitId(dataSourceOf(app), 'KEMLU-PWNI');
    const send = app.get(SendReferralUseCase);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send.execute(sender, {
          caseId: opened.id,
          toUnitId,
          services: [ServiceType.REPATRIATION],
          priority: Priority.EMERGENCY,
          summary: `Rujukan ${i}`,
        }),
      ),
    );
    await waitForLedgerSealed(dataSourceOf(app));
    const entries = await app.get(LedgerReader).all();
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => String(i)));
    expect(verifyChain(entries)).toMatchObject({ ok: true });
    const sent = entries.filter(
      (e) => e.caseId === opened.id && e.action === HandoffAction.REFERRAL_SENT,
    );
    expect(sent).toHaveLength(50);
  });

  it('openCase: the same key returns the first case; another payload under it is BAD_USER_INPUT', async () => {
    const first = await openCase('kemlu.pwni', 'case-key-1');
    const again = await openCase('kemlu.pwni', 'case-key-1');
    expect(again.id).toBe(first.id);
    const [{ count }]: { count: number }[] = await dataSourceOf(app).query(
      `SELECT count(*)::int AS count FROM ledger_entry WHERE case_id = $1`,
      [first.id],
    );
    expect(count).toBe(1);
    await expect(openCase('kemlu.pwni', 'case-key-1', 'Judul lain')).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
    // Keys belong to one officer: another officer's same key is a new request.
    const other = await openCase('kp2mi.pusat', 'case-key-1');
    expect(other.id).not.toBe(first.id);
  });

  it('sendReferral: concurrent replays of one key create one referral', async () => {
    const sender = await demoActor(app, 'kbri.phnompenh');
    const opened = await openCase('kbri.phnompenh');
    const input = {
      caseId: opened.id,
      toUnitId: await unitId(dataSourceOf(app), 'LPSK-PUSAT'),
      services: [ServiceType.WITNESS_PROTECTION],
      priority: Priority.ROUTINE,
      summary: 'Perlindungan saksi',
      idempotencyKey: 'send-key-1',
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => app.get(SendReferralUseCase).execute(sender, input)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const [{ count }]: { count: number }[] = await dataSourceOf(app).query(
      'SELECT count(*)::int AS count FROM referral WHERE case_id = $1',
      [opened.id],
    );
    expect(count).toBe(1);
    const changed = app.get(SendReferralUseCase).execute(sender, { ...input, summary: 'lain' });
    await expect(changed).rejects.toBeInstanceOf(DomainError);
    await expect(changed).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
  });

  it("sendReferral: a case closed between the send's read and its write answers CONFLICT, writing nothing", async () => {
    const dataSource = dataSourceOf(app);
    const sender = await demoActor(app, 'kbri.phnompenh');
    const opened = await openCase('kbri.phnompenh');
    // Another transaction closes the case and holds its row: the send reads the case as open,
    // then its write waits for the row's share lock; once the close commits, the write sees it.
    const closer = dataSource.createQueryRunner();
    await closer.connect();
    await closer.startTransaction();
    try {
      await closer.query(`UPDATE "case" SET status = $2 WHERE id = $1`, [
        opened.id,
        CaseStatus.CLOSED,
      ]);
      const sending = app.get(SendReferralUseCase).execute(sender, {
        caseId: opened.id,
        toUnitId: await unitId(dataSource, 'KEMLU-PWNI'),
        services: [ServiceType.REPATRIATION],
        priority: Priority.URGENT,
        summary: 'Terkirim saat kasus ditutup',
      });
      const outcome = sending.then(
        () => 'sent',
        (error: unknown) => error,
      );
      await waitForLockWaiter(dataSource, closer);
      await closer.commitTransaction();
      expect(await outcome).toMatchObject({ code: ErrorCode.CONFLICT });
    } finally {
      if (closer.isTransactionActive) await closer.rollbackTransaction();
      await closer.release();
    }
    const [written]: { referrals: number; entries: number }[] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM referral WHERE case_id = $1) AS referrals,
              (SELECT count(*)::int FROM ledger_entry WHERE case_id = $1
                  AND action = 'REFERRAL_SENT') AS entries`,
      [opened.id],
    );
    expect(written).toEqual({ referrals: 0, entries: 0 });
  });
});

/** Resolves once some backend of this database waits for a lock that `holder`'s backend holds. */
async function waitForLockWaiter(dataSource: DataSource, holder: QueryRunner): Promise<void> {
  const [{ pid }]: { pid: number }[] = await holder.query('SELECT pg_backend_pid() AS pid');
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [{ waiting }]: { waiting: boolean }[] = await dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                       WHERE $1 = ANY(pg_blocking_pids(pid))) AS waiting`,
      [pid],
    );
    if (waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no send waited for the closing transaction within 5 s');
}
