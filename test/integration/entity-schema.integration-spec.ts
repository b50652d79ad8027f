import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { DataSource } from 'typeorm';
import { AdminModule } from '@simpul/admin';
import { AgencyModule } from '@simpul/agency';
import { CaseModule } from '@simpul/case';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule } from '@simpul/database';
import { DeliveryWorkerModule } from '@simpul/delivery';
import { IdentityModule } from '@simpul/identity';
import { LedgerModule } from '@simpul/ledger';
import { ReferralModule, ReferralWorkerModule } from '@simpul/referral';

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

/** Element types of PostgreSQL array columns, by udt name without its leading underscore. */
const ARRAY_ELEMENT: Record<string, string> = { text: 'text', int4: 'integer', uuid: 'uuid' };

/**
 * Every TypeORM entity the apps register matches the tables the migrations create: each column's
 * name, type, nullability and primary key, and nothing that `synchronize` would change.
 */
describe('entities and migrated tables', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;

  beforeAll(async () => {
    // The modules the gateway and the worker import: their entities are the ones in use.
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule,
        DatabaseModule,
        AgencyModule,
        IdentityModule,
        LedgerModule,
        DeliveryWorkerModule,
        CaseModule,
        ReferralModule,
        ReferralWorkerModule,
        AdminModule,
      ],
    }).compile();
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await moduleRef?.close();
  });

  const expectedType = (column: ColumnMetadata) => {
    const type = dataSource.driver.normalizeType(column);
    return column.isArray ? `${type}[]` : type;
  };
  const actualType = (row: ColumnRow) =>
    row.data_type === 'ARRAY'
      ? `${ARRAY_ELEMENT[row.udt_name.slice(1)] ?? row.udt_name.slice(1)}[]`
      : row.data_type;

  it('registers an entity for the main tables of every context', () => {
    const tables = dataSource.entityMetadatas.map((m) => m.tableName).sort();
    expect(tables).toEqual(
      expect.arrayContaining([
        'agency',
        'unit',
        'officer',
        'case',
        'person',
        'referral',
        'ledger_entry',
        'outbox',
      ]),
    );
  });

  it('matches every column of every entity: name, type, nullability, primary key', async () => {
    const differences: string[] = [];
    for (const entity of dataSource.entityMetadatas) {
      const rows: ColumnRow[] = await dataSource.query(
        `SELECT table_name, column_name, data_type, udt_name, is_nullable
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1`,
        [entity.tableName],
      );
      if (!rows.length) {
        differences.push(`${entity.name}: table ${entity.tableName} does not exist`);
        continue;
      }
      const keys: { column_name: string }[] = await dataSource.query(
        `SELECT k.column_name
           FROM information_schema.table_constraints c
           JOIN information_schema.key_column_usage k
             ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
          WHERE c.table_schema = current_schema() AND c.table_name = $1
            AND c.constraint_type = 'PRIMARY KEY'`,
        [entity.tableName],
      );
      const primary = new Set(keys.map((k) => k.column_name));
      const byName = new Map(rows.map((row) => [row.column_name, row]));
      for (const column of entity.columns) {
        const where = `${entity.tableName}.${column.databaseName}`;
        const row = byName.get(column.databaseName);
        if (!row) {
          differences.push(`${where}: no such column`);
          continue;
        }
        if (expectedType(column) !== actualType(row)) {
          differences.push(`${where}: entity ${expectedType(column)}, table ${actualType(row)}`);
        }
        if (column.isNullable !== (row.is_nullable === 'YES')) {
          differences.push(
            `${where}: entity nullable ${column.isNullable}, table ${row.is_nullable}`,
          );
        }
        if (column.isPrimary !== primary.has(column.databaseName)) {
          differences.push(
            `${where}: entity primary ${column.isPrimary}, table ${primary.has(column.databaseName)}`,
          );
        }
      }
      // A NOT NULL column without a default that the entity does not know could never be inserted.
      const mapped = new Set(entity.columns.map((c) => c.databaseName));
      for (const row of rows) {
        if (!mapped.has(row.column_name))
          differences.push(`${entity.tableName}.${row.column_name}: not in ${entity.name}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('leaves synchronize nothing to do', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((query) => query.query)).toEqual([]);
  });
});
