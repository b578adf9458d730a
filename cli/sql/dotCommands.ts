/** The shell's dot-commands: .help, .tables, .schema NAME, .format F, .quit. */
import type { Db } from '../../core/db.js';
import { loadSql } from '../../core/sql.js';
import { columnRow, relationRow } from '../../transform/snapshot.js';
import { formatTable } from './format.js';

export const SHELL_HELP = `Enter SQL ending with ';' (statements may span lines). Read-only; file access is off.
  .tables            list the tables (marts.*, patterns.*) with their meaning
  .schema NAME       columns of a table (marts.setup_attempts or setup_attempts)
  .format F          table | csv | json | ndjson
  .help              this text
  .quit              leave (or Ctrl-D); Ctrl-C cancels the running query
`;

export async function tablesText(db: Db): Promise<string> {
  const rows = await db.query(loadSql('transform/sql/snapshot/relations.sql'), relationRow);
  return formatTable(
    { columns: ['table', 'meaning'], types: ['VARCHAR', 'VARCHAR'], rows: rows.map((r) => [`${r.schema_name}.${r.table_name}`, r.comment]) },
    { maxWidth: 100 },
  );
}

export async function schemaText(db: Db, name: string): Promise<string> {
  const [a, b] = name.replace(/;$/, '').split('.');
  const schema = b === undefined ? undefined : a;
  const table = b ?? a;
  const rows = (await db.query(loadSql('transform/sql/snapshot/columns.sql'), columnRow)).filter(
    (c) => c.table_name === table && (schema === undefined || c.schema_name === schema),
  );
  if (rows.length === 0) return `no table named ${name} (try .tables)\n`;
  return formatTable(
    { columns: ['table', 'column', 'type', 'meaning'], types: ['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR'], rows: rows.map((c) => [`${c.schema_name}.${c.table_name}`, c.column_name, c.data_type, c.comment]) },
    { maxWidth: 100 },
  );
}
