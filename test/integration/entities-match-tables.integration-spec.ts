import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource, EntityMetadata } from 'typeorm';
import { TABLE_OWNERS } from '@simpul/database';
import { bootGateway, bootWorker, dataSourceOf } from '../support/boot-in-process';

interface TableColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

/**
 * The migrations own the schema (never `synchronize`), and every context maps its own tables with
 * TypeORM entities by hand. An entity that names a column the migrations never made, or calls a
 * NOT NULL column optional, fails only when that code path runs; this test finds it at once, for
 * every entity either process loads.
 */
describe('TypeORM entities and the migrated tables', () => {
  let apps: INestApplicationContext[] = [];
  let entities: EntityMetadata[];
  let columns: Map<string, TableColumn>;
  let db: DataSource;

  beforeAll(async () => {
    apps = [await bootGateway(), await bootWorker()];
    const byTable = new Map<string, EntityMetadata>();
    for (const app of apps) {
      for (const metadata of dataSourceOf(app).entityMetadatas) {
        byTable.set(metadata.tablePath, metadata);
      }
    }
    entities = [...byTable.values()];
    db = dataSourceOf(apps[0]);
    const rows: TableColumn[] = await db.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable
         FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    columns = new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row]));
  }, 60_000);

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('loads the entities of every context', () => {
    const tables = entities.map((entity) => entity.tableName);
    for (const table of ['referral', 'case', 'ledger_entry', 'outbox', 'alert', 'officer'])
      expect(tables).toContain(table);
  });

  it('maps every entity column to a column of its table, with the same type and nullability', () => {
    const mismatches: string[] = [];
    for (const entity of entities) {
      for (const column of entity.columns) {
        const name = `${entity.tableName}.${column.databaseName}`;
        const actual = columns.get(name);
        if (!actual) {
          mismatches.push(`${name}: no such column`);
          continue;
        }
        const expected = String(db.driver.normalizeType(column));
        if (!sameType(expected, actual, column.isArray))
          mismatches.push(`${name}: entity ${expected}, table ${actual.data_type}`);
        // A nullable entity column on a NOT NULL one is how "null value violates" reaches users.
        if (column.isNullable && actual.is_nullable === 'NO')
          mismatches.push(`${name}: nullable in the entity, NOT NULL in the table`);
        if (!column.isNullable && actual.is_nullable === 'YES' && !column.isPrimary)
          mismatches.push(`${name}: NOT NULL in the entity, nullable in the table`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  // Each context owns its tables (libs/database/src/table-owners.ts): the unit test reads the
  // migrations' text, this one the schema they actually made.
  it('names an owning lib for every migrated table, and no table that does not exist', async () => {
    const rows: { table_name: string }[] = await db.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          AND table_name <> 'schema_migration'`,
    );
    expect(rows.map((row) => row.table_name).sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
  });
});

/** Whether TypeORM's normalized type names the type information_schema reports. */
function sameType(expected: string, actual: TableColumn, isArray: boolean): boolean {
  if (isArray) return actual.data_type === 'ARRAY';
  if (expected === 'enum' || expected === 'simple-enum')
    return actual.data_type === 'USER-DEFINED' || actual.data_type === 'text';
  if (expected === 'simple-json') return actual.data_type === 'text';
  return expected === actual.data_type || expected === actual.udt_name;
}
