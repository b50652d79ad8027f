import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PreparedStatements } from '@simpul/database';
import { bootGateway, dataSourceOf } from '../support/boot-in-process';

describe('PreparedStatements: the hot paths’ statements, parsed and planned once per connection', () => {
  let app: NestFastifyApplication;
  let statements: PreparedStatements;
  beforeAll(async () => {
    app = await bootGateway();
    statements = app.get(PreparedStatements);
  }, 30_000);
  afterAll(async () => {
    await app?.close();
  });

  it('runs a statement as one named statement, reused on every run', async () => {
    const sql = 'SELECT $1::int + 1 AS next';
    for (let n = 0; n < 5; n += 1) {
      expect(await statements.query(sql, [n])).toEqual([{ next: n + 1 }]);
    }
    // Run one at a time, the statements share one connection: its session lists `sql` once.
    const prepared = await statements.query<{ statement: string }[]>(
      'SELECT statement FROM pg_prepared_statements WHERE statement = $1',
      [sql],
    );
    expect(prepared).toEqual([{ statement: sql }]);
  });

  it('leaves a transaction’s statements on the transaction’s connection', async () => {
    const dataSource = dataSourceOf(app);
    expect(statements.on(dataSource.manager)).toBe(statements);
    await dataSource.transaction(async (manager) => {
      expect(statements.on(manager)).toBe(manager);
    });
  });

  it('fails with the driver’s SQLSTATE, like a TypeORM query', async () => {
    await expect(statements.query('SELECT 1 / $1::int', [0])).rejects.toMatchObject({
      code: '22012', // division_by_zero
    });
  });
});
