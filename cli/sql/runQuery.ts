/** Run analyst SQL on the sandboxed connection: one statement at a time, with a row limit. */
import type { Db } from '../../core/db.js';
import { explainSqlError } from './refusal.js';
import type { SqlResult } from './result.js';
import { limitQuery } from './statements.js';

export interface QueryOutcome {
  result: SqlResult;
  /** More rows existed than the limit allowed. */
  truncated: boolean;
}

/** `limit` undefined means all rows (--all). Errors come back as clear CqdErrors. */
export async function runQuery(db: Db, sql: string, limit: number | undefined): Promise<QueryOutcome> {
  let result: SqlResult;
  try {
    result = await db.queryRaw(limit === undefined ? sql : limitQuery(sql, limit));
  } catch (e) {
    throw explainSqlError(e);
  }
  if (limit !== undefined && result.rows.length > limit) {
    return { result: { ...result, rows: result.rows.slice(0, limit) }, truncated: true };
  }
  return { result, truncated: false };
}
