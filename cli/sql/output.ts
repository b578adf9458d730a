/** Where a result goes: text to stdout, or any format to a file written atomically (temp + rename). */
import { extname } from 'node:path';
import { atomicWrite } from '../../core/atomicWrite.js';
import { UsageError } from '../../core/errors.js';
import { isBinaryFormat, isSqlFormat, type SqlFormat, type SqlResult } from './result.js';
import { renderText } from './shell.js';
import { arrowIpc } from './writeArrow.js';
import { writeParquet } from './writeParquet.js';

const BY_EXTENSION: Record<string, SqlFormat> = {
  '.parquet': 'parquet',
  '.arrow': 'arrow',
  '.ipc': 'arrow',
  '.feather': 'arrow',
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.txt': 'table',
};

/** --format, else the --out extension, else a table on a terminal and NDJSON when piped. */
export function chooseFormat(flag: string | undefined, out: string | undefined, stdoutIsTTY: boolean): SqlFormat {
  if (flag !== undefined) {
    if (!isSqlFormat(flag)) throw new UsageError(`--format must be table, csv, json, ndjson, parquet or arrow, got '${flag}'`);
    if (isBinaryFormat(flag) && out === undefined) throw new UsageError(`--format ${flag} writes a file: add --out FILE`);
    return flag;
  }
  if (out !== undefined) return BY_EXTENSION[extname(out).toLowerCase()] ?? 'ndjson';
  return stdoutIsTTY ? 'table' : 'ndjson';
}

export async function writeResult(r: SqlResult, format: SqlFormat, out: string | undefined, stdout: (s: string) => void): Promise<void> {
  if (format === 'parquet' || format === 'arrow') {
    if (out === undefined) throw new UsageError(`--format ${format} writes a file: add --out FILE`);
    if (format === 'parquet') await writeParquet(r, out);
    else atomicWrite(out, arrowIpc(r));
    return;
  }
  const text = renderText(r, format);
  if (out === undefined) stdout(text);
  else atomicWrite(out, text);
}
