/** Turn DuckDB errors from the analyst connection into clear messages (pure). */
import { CqdError, errorMessage } from '../../core/errors.js';

export const FILE_ACCESS_REFUSED = 'refused: file access is disabled in the analyst shell (read_csv, read_parquet, COPY, ATTACH, INSTALL, EXPORT); use --format/--out to save results';

export function explainSqlError(e: unknown): CqdError {
  if (e instanceof CqdError) return e;
  const msg = errorMessage(e);
  const first = msg.split('\n')[0] ?? msg;
  if (/^INTERRUPT Error/.test(first)) return new CqdError('query cancelled', 1, { cause: e });
  if (/Loading external extensions is disabled|INSTALL|extension/i.test(first) && /Permission Error/.test(first)) {
    return new CqdError('refused: installing or loading extensions is disabled in the analyst shell', 1, { cause: e });
  }
  if (/^Permission Error/.test(first)) return new CqdError(FILE_ACCESS_REFUSED, 1, { cause: e });
  const ro = /Cannot execute statement of type "(\w+)".*read-only mode/.exec(first);
  if (ro) return new CqdError(`refused: the analyst connection is read-only (${ro[1]} is not allowed)`, 1, { cause: e });
  if (/configuration has been locked/.test(first)) return new CqdError('refused: settings are locked in the analyst shell', 1, { cause: e });
  const tbl = /Table with name (\S+) does not exist/.exec(first);
  if (tbl && /[/\\]|\.(csv|tsv|json|parquet|txt|gz)$/i.test(tbl[1] ?? '')) return new CqdError(FILE_ACCESS_REFUSED, 1, { cause: e });
  return new CqdError(`SQL error: ${first}`, 1, { cause: e });
}
