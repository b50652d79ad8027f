import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TABLE_OWNERS } from '@simpul/database';
import { tablesTouched, type TableTouch } from './sql-table-access';
import { TABLE_ACCESS_ALLOWLIST, type TableAccessAllowance } from './table-access-allowlist';

/*
 * Each context owns its tables (docs/conventions.md): the owner map
 * (libs/database/src/table-owners.ts) names one lib per migrated table, and no lib's code touches
 * another lib's table in SQL or through its entity, but where table-access-allowlist.ts says why.
 * The import rule (test/unit/architecture/lib-boundaries.spec.ts) cannot see this: SQL names
 * tables in strings.
 */

const ROOT = process.cwd();
const MIGRATIONS = 'libs/database/src/migrations';

const filesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(path) : [path];
  });

const libs = readdirSync(join(ROOT, 'libs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A lib's own code: TypeScript that runs, not its tests, not the migrations. */
const sourceFiles = libs.flatMap((lib) =>
  filesUnder(`libs/${lib}/src`)
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts'))
    .filter((path) => !path.startsWith(`${MIGRATIONS}/`))
    .map((path) => ({ lib, path, text: readFileSync(join(ROOT, path), 'utf8') })),
);

/** Tables the migrations leave behind: created, renamed and dropped in their `up`, in order. */
function migratedTables(): Set<string> {
  const tables = new Set<string>();
  const files = filesUnder(MIGRATIONS)
    .filter((path) => /\/\d+-[^/]+\.ts$/.test(path))
    .sort();
  for (const path of files) {
    const up = readFileSync(join(ROOT, path), 'utf8').split(/async down\(/)[0];
    const statements =
      /CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)"?|ALTER TABLE "?(\w+)"? RENAME TO "?(\w+)"?|DROP TABLE (?:IF EXISTS )?([\w", ]+)/g;
    for (const match of up.matchAll(statements)) {
      if (match[1]) tables.add(match[1]);
      if (match[2]) {
        tables.delete(match[2]);
        tables.add(match[3]);
      }
      if (match[4])
        for (const name of match[4].split(',')) tables.delete(name.trim().replace(/"/g, ''));
    }
  }
  return tables;
}

/** Entity class name → table, and the lib that declares it. */
function entities(): Map<string, { table: string; lib: string; path: string }> {
  const found = new Map<string, { table: string; lib: string; path: string }>();
  for (const { lib, path, text } of sourceFiles) {
    for (const match of text.matchAll(/@Entity\('(\w+)'\)\s*export class (\w+)/g)) {
      found.set(match[2], { table: match[1], lib, path });
    }
  }
  return found;
}

const allows = (allowance: TableAccessAllowance, lib: string, path: string, touch: TableTouch) =>
  allowance.lib === lib &&
  allowance.tables.includes(touch.table) &&
  (allowance.access === 'write' || touch.access === 'read') &&
  (allowance.files === undefined || allowance.files.includes(path));

describe('each context owns its tables', () => {
  const tables = new Set(Object.keys(TABLE_OWNERS));
  const entityTables = new Map([...entities()].map(([name, { table }]) => [name, table]));

  it('names an owner for every table the migrations create, and for nothing else', () => {
    expect([...tables].sort()).toEqual([...migratedTables()].sort());
  });

  it('gives every table to a lib that exists', () => {
    const unknown = Object.entries(TABLE_OWNERS).filter(([, lib]) => !libs.includes(lib));
    expect(unknown).toEqual([]);
  });

  it('declares every TypeORM entity in the lib that owns its table', () => {
    const misplaced = [...entities()]
      .filter(([, { table, lib }]) => TABLE_OWNERS[table] !== lib)
      .map(([name, { table, path }]) => `${path}: ${name} maps ${table} of ${TABLE_OWNERS[table]}`);
    expect(misplaced).toEqual([]);
  });

  it('touches another context’s table only where the allowlist says why', () => {
    const violations: string[] = [];
    for (const { lib, path, text } of sourceFiles) {
      for (const touch of tablesTouched(path, text, tables, entityTables)) {
        const owner = TABLE_OWNERS[touch.table];
        if (owner === lib) continue;
        if (TABLE_ACCESS_ALLOWLIST.some((allowance) => allows(allowance, lib, path, touch)))
          continue;
        violations.push(
          `${relative(ROOT, join(ROOT, path))}:${touch.line} ${lib} ${touch.access}s ${touch.table} of ${owner} (${touch.how})`,
        );
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps no allowlist entry, nor file of one, that nothing uses any more', () => {
    const used = new Set<string>();
    for (const { lib, path, text } of sourceFiles) {
      for (const touch of tablesTouched(path, text, tables, entityTables)) {
        if (TABLE_OWNERS[touch.table] === lib) continue;
        TABLE_ACCESS_ALLOWLIST.forEach((allowance, index) => {
          if (allows(allowance, lib, path, touch)) used.add(`${index} ${path}`).add(`${index}`);
        });
      }
    }
    const stale = TABLE_ACCESS_ALLOWLIST.flatMap((allowance, index) =>
      allowance.files
        ? allowance.files
            .filter((file) => !used.has(`${index} ${file}`))
            .map((file) => `${allowance.lib} → ${allowance.tables.join(', ')} in ${file}`)
        : used.has(`${index}`)
          ? []
          : [`${allowance.lib} → ${allowance.tables.join(', ')}`],
    );
    expect(stale).toEqual([]);
  });
});
