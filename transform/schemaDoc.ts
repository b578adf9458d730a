/** docs/schema.md and `sql --schema`: every analyst table and column with its meaning, from COMMENT ON. */
import type { Db } from '../core/db.js';
import { loadSql } from '../core/sql.js';
import { columnRow, relationRow } from './snapshot.js';

const cell = (s: string): string => s.replaceAll('|', '\\|').replace(/\s+/g, ' ').trim();

/** Markdown in a stable order (schema, table, column position); works on the live file and on the snapshot. */
export async function schemaMarkdown(db: Db): Promise<string> {
  const relations = await db.query(loadSql('transform/sql/snapshot/relations.sql'), relationRow);
  const columns = await db.query(loadSql('transform/sql/snapshot/columns.sql'), columnRow);
  const out = [
    '# Analyst schema',
    '',
    'Generated from the `COMMENT ON` text of the tables (`cqd-patterns sql --schema`). These are the tables in the',
    'analyst snapshot `analytics.duckdb` (schemas `marts` and `patterns`; users appear as pseudonyms only).',
    'Ready queries: [cookbook.md](cookbook.md).',
    '',
    '| table | kind | meaning |',
    '|---|---|---|',
    ...relations.map((r) => `| [${r.schema_name}.${r.table_name}](#${`${r.schema_name}${r.table_name}`.toLowerCase().replace(/[^a-z0-9_-]/g, '')}) | ${r.kind} | ${cell(r.comment) || '–'} |`),
  ];
  for (const r of relations) {
    out.push('', `## ${r.schema_name}.${r.table_name}`, '');
    if (r.comment) out.push(r.comment, '');
    out.push('| column | type | meaning |', '|---|---|---|');
    for (const c of columns) {
      if (c.schema_name === r.schema_name && c.table_name === r.table_name) out.push(`| ${c.column_name} | ${c.data_type} | ${cell(c.comment) || '–'} |`);
    }
  }
  return out.join('\n') + '\n';
}
