import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource, Logger, QueryRunner } from 'typeorm';
import { CaseStatus, ExploitationType, OpenCaseUseCase } from '@simpul/case';
import { TransactionHost } from '@simpul/database';
import { SendReferralUseCase, ServiceType } from '@simpul/referral';
import { Priority } from '@simpul/sla';
import { bootGateway, dataSourceOf, unitId } from '../support/boot-in-process';
import { demoActor } from '../support/referral-fixtures';

interface Statement {
  sql: string;
  runner: QueryRunner | undefined;
}

/**
 * Every statement the DataSource sends, with the query runner (connection) it went on: TypeORM
 * hands each one to the DataSource's logger before it runs, BEGIN and COMMIT included.
 */
function recordStatements(dataSource: DataSource): { statements: Statement[]; stop: () => void } {
  const original: Logger = dataSource.logger;
  const statements: Statement[] = [];
  const recorder: Logger = {
    logQuery: (sql, parameters, runner) => {
      statements.push({ sql, runner });
      original.logQuery(sql, parameters, runner);
    },
    logQueryError: (...args) => {
      original.logQueryError(...args);
    },
    logQuerySlow: (...args) => {
      original.logQuerySlow(...args);
    },
    logSchemaBuild: (...args) => {
      original.logSchemaBuild(...args);
    },
    logMigration: (...args) => {
      original.logMigration(...args);
    },
    log: (...args) => {
      original.log(...args);
    },
  };
  dataSource.logger = recorder;
  return { statements, stop: () => (dataSource.logger = original) };
}

const xactId = async (tx: TransactionHost): Promise<string | null> => {
  const [row]: { id: string | null }[] = await tx.manager.query(
    'SELECT pg_current_xact_id()::text AS id',
  );
  return row.id;
};

/**
 * The request's transaction travels with the request (docs/adr/0016-transaction-travels-with-the-request.md):
 * a use case opens it, everything below it joins it without a statement of its own, and the
 * busiest path, a send without an idempotency key, still opens none.
 */
describe('TransactionHost', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let tx: TransactionHost;

  beforeAll(async () => {
    app = await bootGateway();
    dataSource = dataSourceOf(app);
    tx = app.get(TransactionHost);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('opens one transaction and joins it when run again inside it: no SAVEPOINT', async () => {
    const recording = recordStatements(dataSource);
    let ids: (string | null)[];
    try {
      ids = await tx.run(async () => {
        const outer = await xactId(tx);
        const inner = await tx.run(() => xactId(tx));
        return [outer, inner];
      });
    } finally {
      recording.stop();
    }
    expect(ids[0]).toBe(ids[1]);
    const sqls = recording.statements.map((s) => s.sql);
    expect(sqls).toEqual([
      'START TRANSACTION',
      expect.stringContaining('pg_current_xact_id'),
      expect.stringContaining('pg_current_xact_id'),
      'COMMIT',
    ]);
    expect(new Set(recording.statements.map((s) => s.runner)).size).toBe(1);
  });

  it('rolls the whole transaction back when joined work throws, without a savepoint', async () => {
    const recording = recordStatements(dataSource);
    try {
      await expect(
        tx.run(async () => {
          await tx.manager.query('SELECT 1');
          await tx.run(() => Promise.reject(new Error('inner use case failed')));
        }),
      ).rejects.toThrow('inner use case failed');
    } finally {
      recording.stop();
    }
    expect(recording.statements.map((s) => s.sql)).toEqual([
      'START TRANSACTION',
      'SELECT 1',
      'ROLLBACK',
    ]);
  });

  it('is outside any transaction until run: the DataSource manager, each statement committed by itself', async () => {
    expect(tx.inTransaction).toBe(false);
    expect(tx.manager).toBe(dataSource.manager);
    expect(await xactId(tx)).not.toBe(await xactId(tx));
  });

  it('runOwn and outside leave the open transaction alone', async () => {
    await tx.run(async () => {
      const mine = await xactId(tx);
      const own = await tx.runOwn(() => xactId(tx));
      const outside = await tx.outside(() => xactId(tx));
      expect(tx.inTransaction).toBe(true);
      expect(own).not.toBe(mine);
      expect(outside).not.toBe(mine);
      expect(await xactId(tx)).toBe(mine);
    });
  });

  it('keeps concurrent requests in their own transactions', async () => {
    const one = async () =>
      tx.run(async () => {
        const first = await xactId(tx);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return [first, await xactId(tx)];
      });
    const results = await Promise.all(Array.from({ length: 4 }, one));
    for (const [first, second] of results) expect(second).toBe(first);
    expect(new Set(results.map(([first]) => first)).size).toBe(4);
  });

  it('gives work left running after the transaction ended the DataSource manager', async () => {
    let later: Promise<boolean> | undefined;
    await tx.run(async () => {
      await tx.manager.query('SELECT 1');
      later = new Promise((resolve) => setTimeout(resolve, 30)).then(
        () => tx.manager === dataSource.manager && !tx.inTransaction,
      );
    });
    expect(await later).toBe(true);
  });

  /** The statements that reach the DataSource while kbri.phnompenh sends a referral of a new case. */
  async function statementsOfASend(idempotencyKey?: string): Promise<Statement[]> {
    const sender = await demoActor(app, 'kbri.phnompenh');
    const opened = await app.get(OpenCaseUseCase).execute(sender, {
      title: 'Pekerja migran di pusat penipuan daring',
      exploitationTypes: [ExploitationType.ONLINE_SCAM],
    });
    expect(opened.status).toBe(CaseStatus.OPEN);
    const toUnitId = await unitId(dataSource, 'BP3MI-NTT');
    const recording = recordStatements(dataSource);
    try {
      await app.get(SendReferralUseCase).execute(sender, {
        caseId: opened.id,
        toUnitId,
        services: [ServiceType.REPATRIATION],
        priority: Priority.URGENT,
        summary: 'Mohon pemulangan',
        idempotencyKey: idempotencyKey && `${idempotencyKey}-${opened.id}`,
      });
    } finally {
      recording.stop();
    }
    return recording.statements;
  }

  it('sends a referral without a key outside any transaction', async () => {
    // Its read and write run as named statements on PreparedStatements' own pool, outside any
    // transaction: nothing reaches the DataSource, a START TRANSACTION or COMMIT least of all.
    expect(await statementsOfASend()).toEqual([]);
  });

  it('sends a referral with a key in one transaction: the claim, the read and the write on its connection', async () => {
    const statements = await statementsOfASend('tx-host');
    expect(statements.map((s) => s.sql)).toEqual([
      'START TRANSACTION',
      expect.stringContaining('INSERT INTO idempotency_key'),
      expect.stringMatching(/^SELECT /),
      expect.stringMatching(/^WITH /),
      'COMMIT',
    ]);
    expect(new Set(statements.map((s) => s.runner)).size).toBe(1);
  });
});
