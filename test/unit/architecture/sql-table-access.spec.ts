import { tablesInSql, tablesTouched } from './sql-table-access';

/**
 * The scanner behind table-ownership.spec.ts, on sample text: it must see the ways code reaches a
 * table, or the ownership test would pass on anything.
 */
describe('tablesTouched', () => {
  const tables = new Set(['referral', 'referral_person', 'unit', 'agency', 'case', 'officer']);
  const entities = new Map([
    ['OfficerEntity', 'officer'],
    ['UnitEntity', 'unit'],
  ]);
  const touched = (text: string) =>
    tablesTouched('libs/case/src/case-access.ts', text, tables, entities).map(
      (touch) => `${touch.line} ${touch.access} ${touch.table}`,
    );

  it('finds the tables of FROM, JOIN, INTO, UPDATE and DELETE FROM in SQL strings', () => {
    const text = [
      'const a = await manager.query(',
      '  `SELECT r.id FROM referral_person rp',
      '     JOIN referral r ON r.id = rp.referral_id`,',
      ');',
      "await manager.query('INSERT INTO officer (username) VALUES ($1)', [name]);",
      "await manager.query('UPDATE unit SET name = $1', [name]);",
      "await manager.query('DELETE FROM agency WHERE id = $1', [id]);",
      'await manager.query(\'SELECT 1 FROM "case" WHERE id = $1\', [id]);',
    ].join('\n');
    expect(touched(text)).toEqual([
      '2 read referral_person',
      '3 read referral',
      '5 write officer',
      '6 write unit',
      '7 write agency',
      '8 read case',
    ]);
  });

  it('reads every table of a comma list and of a template around an interpolation', () => {
    const text =
      'const q = `SELECT 1 FROM unit u, agency a WHERE ${filter} AND EXISTS (SELECT 1 FROM referral)`;';
    expect(touched(text)).toEqual(['1 read unit', '1 read agency', '1 read referral']);
  });

  it('finds another lib’s entity imported as a value, and table names given to the query builder', () => {
    const text = [
      "import { OfficerEntity, type UnitEntity } from '@simpul/identity';",
      "import type { UnitEntity as U } from '@simpul/agency';",
      "const rows = manager.createQueryBuilder().select('x').from('referral', 'r').innerJoin('unit', 'u', 'u.id = r.to_unit_id');",
    ].join('\n');
    // The outer call (innerJoin) is met before the one it is chained on (from).
    expect(touched(text)).toEqual(['1 write officer', '3 read unit', '3 read referral']);
  });

  it('takes neither prose, columns, functions nor lower-case words for SQL', () => {
    const text = [
      "throw badInput('unitId', 'names no unit; remove it from case first');",
      'const sql = `SELECT EXTRACT(EPOCH FROM referral.sent_at) FROM unnest($1::uuid[]) AS unit`;',
      '// SELECT id FROM referral: a comment is no query',
      "const label = 'FROM unit_kind';",
    ].join('\n');
    expect(touched(text)).toEqual([]);
  });

  it('reports each keyword’s table with its access and the keyword’s offset', () => {
    expect(tablesInSql('INSERT INTO referral SELECT * FROM referral', tables)).toEqual([
      { table: 'referral', access: 'write', keyword: 'INTO', offset: 7 },
      { table: 'referral', access: 'read', keyword: 'FROM', offset: 30 },
    ]);
  });
});
