/**
 * Parquet written by DuckDB without running analyst SQL outside the sandbox: the materialized rows go
 * into a private in-memory DuckDB (appender), which casts them back to their types and COPYs them out.
 */
import { renameSync, rmSync } from 'node:fs';
import { openDb, type AppendType, type SqlParam } from '../../core/db.js';
import { quoteIdent, quoteString } from '../../core/sql.js';
import { cellText } from './format.js';
import type { SqlResult } from './result.js';

interface ColumnPlan {
  append: AppendType;
  /** The original type to cast back to, or null to keep the appended one. */
  cast: string | null;
  value: (v: unknown) => SqlParam;
}

export function columnPlan(type: string): ColumnPlan {
  const text = (v: unknown): SqlParam => cellText(v, type);
  if (type === 'BOOLEAN') return { append: 'BOOLEAN', cast: null, value: (v) => Boolean(v) };
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(type)) return { append: 'INTEGER', cast: type === 'INTEGER' ? null : type, value: (v) => Number(v) };
  if (/^(BIGINT|UINTEGER)$/.test(type)) return { append: 'BIGINT', cast: type === 'BIGINT' ? null : type, value: (v) => BigInt(v as bigint | number) };
  if (/^(FLOAT|DOUBLE|DECIMAL)/.test(type)) return { append: 'DOUBLE', cast: type === 'DOUBLE' ? null : type, value: (v) => Number(v) };
  if (type === 'TIMESTAMP WITH TIME ZONE' || type === 'TIMESTAMP') {
    return { append: 'TIMESTAMPTZ', cast: type === 'TIMESTAMP' ? 'TIMESTAMP' : null, value: (v) => (v instanceof Date ? v.toISOString() : text(v)) };
  }
  if (/^(DATE|TIME|UUID|HUGEINT|UBIGINT|UHUGEINT)$/.test(type)) return { append: 'VARCHAR', cast: type, value: text };
  return { append: 'VARCHAR', cast: null, value: text };
}

/** Write the result as a Parquet file (zstd), atomically (temp file + rename). */
export async function writeParquet(r: SqlResult, outPath: string): Promise<void> {
  const plans = r.types.map(columnPlan);
  const mem = await openDb(':memory:', { threads: 1 });
  const tmp = `${outPath}.tmp-${process.pid}-${Date.now()}`;
  try {
    const cols = plans.map((p, i) => `c${i} ${p.append}`);
    await mem.run(`CREATE TABLE result (${cols.join(', ')})`);
    if (r.columns.length > 0) {
      await mem.append(
        'result',
        plans.map((p) => p.append),
        r.rows.map((row) => plans.map((p, i) => (row[i] === null || row[i] === undefined ? null : p.value(row[i])))),
      );
    }
    const seen = new Set<string>();
    const select = r.columns.map((c, i) => {
      let name = c;
      for (let k = 2; seen.has(name); k++) name = `${c}_${k}`;
      seen.add(name);
      const cast = plans[i]?.cast;
      return `${cast ? `CAST(c${i} AS ${cast})` : `c${i}`} AS ${quoteIdent(name)}`;
    });
    // Paths cannot be bound in COPY; the path is the user's own --out argument, quoted.
    await mem.run(`COPY (SELECT ${select.join(', ') || '1 AS empty'} FROM result) TO ${quoteString(tmp)} (FORMAT parquet, COMPRESSION zstd)`);
    renameSync(tmp, outPath);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    mem.close();
  }
}
