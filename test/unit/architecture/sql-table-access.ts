import ts from 'typescript';

/**
 * Which tables a source file touches, read from its text: SQL in string and template literals
 * (`FROM`, `JOIN`, `USING`, `INTO`, `UPDATE`, `DELETE FROM`, `TABLE`, case-sensitive: the code
 * writes SQL keywords in capitals, so English prose in messages is not taken for SQL), table
 * names given as strings to TypeORM's query builder and repository methods, and TypeORM entity
 * classes imported from another lib (`@simpul/<lib>`) as values — the import of a class only ever
 * needed to run `manager.find`, `update`, `createQueryBuilder` … on its table.
 *
 * A heuristic, not a SQL parser: a table name built at run time escapes it. It is run by
 * table-ownership.spec.ts against libs/database/src/table-owners.ts and tested on sample text in
 * sql-table-access.spec.ts.
 */

export type TableAccess = 'read' | 'write';

export interface TableTouch {
  table: string;
  access: TableAccess;
  /** 1-based line of the SQL keyword, call or import. */
  line: number;
  /** What was seen: `JOIN referral`, `entity OfficerEntity`, `.from('unit')`. */
  how: string;
}

/** The keywords that name a table after them, and whether that reads or writes it. */
const SQL_TABLE = /\b(DELETE\s+FROM|FROM|JOIN|USING|INTO|UPDATE|TABLE)\s+(?:ONLY\s+)?/g;
/** A table name (quoted or not), then what may follow it in a FROM list: alias, comma. */
const NAME = /^"?([a-z_][a-z0-9_]*)"?/;
const ALIAS_AND_COMMA = /^(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?\s*,\s*/;

const WRITES = new Set(['DELETE FROM', 'INTO', 'UPDATE', 'TABLE']);

/** Query builder and repository methods whose string argument may be a table name. */
const TABLE_METHODS = new Set([
  'from',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'into',
  'update',
  'delete',
  'insert',
  'createQueryBuilder',
  'getRepository',
]);
const READ_METHODS = new Set([
  'from',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
]);

/** Tables an SQL text names after a table keyword; `tables` limits the answer to known tables. */
export function tablesInSql(
  sql: string,
  tables: ReadonlySet<string>,
): { table: string; access: TableAccess; keyword: string; offset: number }[] {
  const found: { table: string; access: TableAccess; keyword: string; offset: number }[] = [];
  for (const match of sql.matchAll(SQL_TABLE)) {
    const keyword = match[1].replace(/\s+/g, ' ');
    let rest = sql.slice(match.index + match[0].length);
    let offset = match.index;
    // FROM a, b c, d: every table of a comma list (an alias is lower case, keywords are not).
    for (;;) {
      const name = NAME.exec(rest);
      if (!name) break;
      const next = rest.charAt(name[0].length);
      // `referral.sent_at` is a column (EXTRACT(… FROM r.x)), `unnest(` a function.
      if (next !== '.' && next !== '(' && tables.has(name[1])) {
        found.push({
          table: name[1],
          access: WRITES.has(keyword) ? 'write' : 'read',
          keyword,
          offset,
        });
      }
      if (keyword !== 'FROM') break;
      rest = rest.slice(name[0].length);
      const comma = ALIAS_AND_COMMA.exec(rest);
      if (!comma) break;
      rest = rest.slice(comma[0].length);
      offset = sql.length - rest.length;
    }
  }
  return found;
}

/**
 * The tables one TypeScript file touches. `entityTables` maps an entity class name to its table;
 * only entities imported from another lib (`@simpul/…`) count, a lib's own are its business.
 */
export function tablesTouched(
  fileName: string,
  text: string,
  tables: ReadonlySet<string>,
  entityTables: ReadonlyMap<string, string>,
): TableTouch[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const touches: TableTouch[] = [];
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;

  const scanSql = (node: ts.Node, sql: string) => {
    for (const hit of tablesInSql(sql, tables)) {
      // Template text is the node's text after its backtick: close enough for the line.
      const before = sql.slice(0, hit.offset).split('\n').length - 1;
      touches.push({
        table: hit.table,
        access: hit.access,
        line: lineOf(node.getStart(source)) + before,
        how: `${hit.keyword} ${hit.table}`,
      });
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const from = (node.moduleSpecifier as ts.StringLiteral).text;
      const clause = node.importClause;
      if (from.startsWith('@simpul/') && clause && !clause.isTypeOnly) {
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) {
            const imported = (element.propertyName ?? element.name).text;
            const table = entityTables.get(imported);
            if (table && !element.isTypeOnly) {
              touches.push({
                table,
                access: 'write',
                line: lineOf(element.getStart(source)),
                how: `entity ${imported}`,
              });
            }
          }
        }
      }
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      scanSql(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      // An interpolation becomes a placeholder: `FROM ${fragment}` names no table of this file.
      const sql = [
        node.head.text,
        ...node.templateSpans.map((span) => `$_ ${span.literal.text}`),
      ].join('');
      scanSql(node, sql);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      TABLE_METHODS.has(node.expression.name.text)
    ) {
      const method = node.expression.name.text;
      for (const argument of node.arguments) {
        if (ts.isStringLiteral(argument) && tables.has(argument.text)) {
          touches.push({
            table: argument.text,
            access: READ_METHODS.has(method) ? 'read' : 'write',
            line: lineOf(argument.getStart(source)),
            how: `.${method}('${argument.text}')`,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return touches;
}
