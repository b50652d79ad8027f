import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TABLE_OWNERS } from './table-ownership';

const ROOT = process.cwd();

/** Every non-test .ts file of a lib, migrations excluded (they create every owner's tables). */
function sourcesOf(lib: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'migrations') walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        files.push(path);
      }
    }
  };
  walk(join(ROOT, 'libs', lib, 'src'));
  return files;
}

const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/**
 * The tables and sequences SQL in this text names: after FROM, JOIN, INTO, UPDATE (and
 * TRUNCATE / nextval('…')), unless a function call follows (`FROM unnest(`). SQL is written in
 * upper case in this code base, so lower-case prose ("updated into") does not count.
 */
export function tablesNamedIn(text: string): string[] {
  const names = new Set<string>();
  const code = withoutComments(text);
  // A function call after FROM / JOIN (`FROM unnest(`) is no table; INTO t (columns) is one.
  const patterns = [
    /\b(?:FROM|JOIN)\s+"?([a-z_][a-z0-9_]*)\b"?(?!\s*\()/g,
    /\b(?:INTO|UPDATE|TRUNCATE)\s+"?([a-z_][a-z0-9_]*)\b"?/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) names.add(match[1]);
  }
  for (const match of code.matchAll(/nextval\('([a-z_][a-z0-9_]*)'\)/g)) names.add(match[1]);
  // Names a WITH clause defines (`job AS (INSERT …)`) are the statement's own, not tables; the
  // system catalogs belong to PostgreSQL.
  for (const match of code.matchAll(
    /\b([a-z_][a-z0-9_]*) AS \(\s*(?:INSERT|UPDATE|DELETE|SELECT)\b/g,
  )) {
    names.delete(match[1]);
  }
  return [...names].filter((name) => !name.startsWith('pg_'));
}

const LIBS = readdirSync(join(ROOT, 'libs'));

describe('each context owns its tables', () => {
  it('finds the table names a statement uses (the scanner itself)', () => {
    expect(
      tablesNamedIn(`SELECT r.id FROM referral_person rp JOIN referral r ON r.id = rp.referral_id
        WHERE x IN (SELECT case_id FROM case_party); UPDATE "case" SET a = 1;
        INSERT INTO outbox (a) SELECT * FROM unnest($1::text[]); // FROM commented_out
        SELECT nextval('case_reference_seq')`).sort(),
    ).toEqual([
      'case',
      'case_party',
      'case_reference_seq',
      'outbox',
      'referral',
      'referral_person',
    ]);
  });

  it("fails a lib that names another lib's table (the check bites)", () => {
    const foreign = tablesNamedIn(
      `await db.query('SELECT count(*) FROM referral WHERE case_id = $1')`,
    ).filter((table) => TABLE_OWNERS[table] !== 'case');
    expect(foreign).toEqual(['referral']);
  });

  it.each(LIBS)('libs/%s names only its own tables in SQL', (lib) => {
    const violations: string[] = [];
    for (const file of sourcesOf(lib)) {
      for (const table of tablesNamedIn(readFileSync(file, 'utf8'))) {
        const owner = TABLE_OWNERS[table];
        if (owner !== lib) {
          violations.push(
            `${relative(ROOT, file)} names ${table} (${owner ? `owned by ${owner}` : "in no lib's map"})`,
          );
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('maps every table the migrations create', () => {
    const migrations = join(ROOT, 'libs', 'database', 'src', 'migrations');
    const created = new Set<string>();
    for (const file of readdirSync(migrations)) {
      const text = readFileSync(join(migrations, file), 'utf8');
      for (const match of text.matchAll(
        /CREATE (?:TABLE|SEQUENCE) (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)"?/g,
      )) {
        created.add(match[1]);
      }
    }
    expect([...created].filter((table) => !(table in TABLE_OWNERS))).toEqual([]);
  });
});
