/**
 * The single owner of the DuckDB connection: nothing else imports @duckdb/node-api.
 * One instance per file per process (fromCache), one connection, typed reads, atomic transactions.
 */
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  DuckDBTimestampTZValue,
  INTEGER,
  TIMESTAMPTZ,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { CqdError, DatabaseInUseError } from './errors.js';

export type SqlParam = string | number | boolean | bigint | null;
export type SqlParams = Record<string, SqlParam> | SqlParam[];
/** Column types the appender path supports; TIMESTAMPTZ takes an ISO 8601 string. */
export type AppendType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BIGINT' | 'BOOLEAN' | 'TIMESTAMPTZ';

export interface OpenOptions {
  readOnly?: boolean;
  /** Turn off file access from SQL (read_csv, COPY, ATTACH): the analysts' sandbox. */
  sandbox?: boolean;
  threads?: number;
  /**
   * DuckDB's memory_limit (e.g. '3GB'); beyond it DuckDB spills to a temp directory beside the file.
   * Unset: DuckDB's own default, 80 % of the machine's memory.
   */
  memoryLimit?: string;
}

export interface Db {
  readonly path: string;
  readonly readOnly: boolean;
  /** Run one statement with bound parameters. */
  run(sql: string, params?: SqlParams): Promise<void>;
  /** Run a script of several statements (migrations, model files); no parameters. */
  exec(script: string): Promise<void>;
  /** Rows checked against a schema: never `as T`. */
  query<S extends z.ZodType>(sql: string, schema: S, params?: SqlParams): Promise<z.infer<S>[]>;
  /** Rows as plain JS values (bigint, Date…) with column names, for generic output (sql command). */
  queryRaw(sql: string, params?: SqlParams): Promise<{ columns: string[]; types: string[]; rows: unknown[][] }>;
  /** All-or-nothing: BEGIN … COMMIT, ROLLBACK on any error. */
  transaction<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** Bulk append rows (positional, matching `types`) into an existing table. */
  append(table: string, types: readonly AppendType[], rows: Iterable<readonly SqlParam[]>, schema?: string): Promise<number>;
  /** Cancel the running query (Ctrl-C in the SQL shell). */
  interrupt(): void;
  close(): void;
}

const LOCK_RE = /Conflicting lock is held in (.*?) \(PID (\d+)\)/;

/** Translate DuckDB's lock error into "database is in use by PID …". */
export function translateOpenError(path: string, e: unknown): Error {
  const msg = e instanceof Error ? e.message : String(e);
  const m = LOCK_RE.exec(msg);
  if (m || /Could not set lock on file/.test(msg)) {
    return new DatabaseInUseError(path, m?.[2] ? Number(m[2]) : undefined, m?.[1]);
  }
  return new CqdError(`cannot open database ${path}: ${msg.split('\n')[0] ?? msg}`, 1, { cause: e });
}

/**
 * One instance per file per process, shared by every writer Db on it (DuckDB's own fromCache keeps
 * instances forever and so holds the file lock after close; this cache closes the instance, and
 * releases the lock, when the last Db on it closes).
 */
const shared = new Map<string, { inst: Promise<DuckDBInstance>; refs: number }>();

async function acquireShared(path: string, options: Record<string, string>): Promise<{ inst: DuckDBInstance; release: () => void }> {
  let entry = shared.get(path);
  if (!entry) {
    entry = { inst: DuckDBInstance.create(path, options), refs: 0 };
    shared.set(path, entry);
    entry.inst.catch(() => shared.delete(path));
  }
  entry.refs++;
  const e = entry;
  const inst = await e.inst;
  let released = false;
  return {
    inst,
    release: () => {
      if (released) return;
      released = true;
      e.refs--;
      if (e.refs === 0) {
        shared.delete(path);
        inst.closeSync();
      }
    },
  };
}

export async function openDb(path: string, opts: OpenOptions = {}): Promise<Db> {
  const memory = path === ':memory:';
  if (!memory && !opts.readOnly) mkdirSync(dirname(path), { recursive: true });
  const options: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: String(opts.threads ?? 2),
    // Never run an ASOF join as a nested loop: when one side looks small (a table without statistics yet)
    // DuckDB would, which cost 20 s instead of 1.5 s at 1 M attempts in the build.
    asof_loop_join_threshold: '0',
  };
  if (opts.memoryLimit) options['memory_limit'] = opts.memoryLimit;
  if (opts.readOnly) options['access_mode'] = 'READ_ONLY';
  if (opts.sandbox) {
    options['enable_external_access'] = 'false';
    options['lock_configuration'] = 'true';
  }
  let con: DuckDBConnection;
  let release: () => void;
  try {
    // Read-only, sandboxed and in-memory opens get their own instance; writers share one per file.
    if (memory || opts.readOnly || opts.sandbox) {
      const inst = await DuckDBInstance.create(path, options);
      release = () => inst.closeSync();
      con = await inst.connect();
    } else {
      const s = await acquireShared(resolve(path), options);
      release = s.release;
      con = await s.inst.connect();
    }
  } catch (e) {
    throw translateOpenError(path, e);
  }
  return wrap(path, con, opts.readOnly ?? false, release);
}

function wrap(path: string, con: DuckDBConnection, readOnly: boolean, release: () => void): Db {
  let inTx = false;
  const db: Db = {
    path,
    readOnly,
    async run(sql, params) {
      await con.run(sql, params as DuckDBValue[] | Record<string, DuckDBValue> | undefined);
    },
    async exec(script) {
      const extracted = await con.extractStatements(script);
      const n = extracted.count;
      for (let i = 0; i < n; i++) {
        const prepared = await extracted.prepare(i);
        await prepared.run();
      }
    },
    async query(sql, schema, params) {
      const reader = await con.runAndReadAll(sql, params as DuckDBValue[] | Record<string, DuckDBValue> | undefined);
      const rows = reader.getRowObjectsJS();
      return rows.map((r, i) => {
        const parsed = schema.safeParse(r);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new CqdError(
            `query returned an unexpected row ${i + 1}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'} (${sql.slice(0, 80).replace(/\s+/g, ' ')}…)`,
          );
        }
        return parsed.data;
      });
    },
    async queryRaw(sql, params) {
      const reader = await con.runAndReadAll(sql, params as DuckDBValue[] | Record<string, DuckDBValue> | undefined);
      const columns = reader.columnNames();
      const types = reader.columnTypes().map((t) => t.toString());
      return { columns, types, rows: reader.getRowsJS() };
    },
    async transaction(fn) {
      if (inTx) return fn(db);
      await con.run('BEGIN TRANSACTION');
      inTx = true;
      try {
        const out = await fn(db);
        await con.run('COMMIT');
        return out;
      } catch (e) {
        try {
          await con.run('ROLLBACK');
        } catch {
          /* the transaction may already be aborted */
        }
        throw e;
      } finally {
        inTx = false;
      }
    },
    async append(table, types, rows, schema) {
      const appender = await con.createAppender(table, schema ?? null);
      try {
        const n = sameTypes(appender, types) ? appendChunks(appender, types, rows) : appendRows(appender, types, rows);
        appender.flushSync();
        return n;
      } finally {
        appender.closeSync();
      }
    },
    interrupt() {
      con.interrupt();
    },
    close() {
      con.closeSync();
      release();
    },
  };
  return db;
}

const DUCK_TYPES: Record<AppendType, DuckDBType> = { VARCHAR, DOUBLE, INTEGER, BIGINT, BOOLEAN, TIMESTAMPTZ };
/** Rows per data chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

function timestampMicros(v: SqlParam, c: number): bigint {
  const ms = Date.parse(String(v));
  if (Number.isNaN(ms)) throw new CqdError(`append: column ${c} is not a date-time`);
  return BigInt(ms) * 1000n;
}

/** The table's columns are exactly `types` (no cast needed), so whole data chunks can be appended. */
function sameTypes(appender: DuckDBAppender, types: readonly AppendType[]): boolean {
  if (appender.columnCount !== types.length) return false;
  return types.every((t, c) => appender.columnType(c).typeId === DUCK_TYPES[t].typeId);
}

/** One JS value to what the column's vector (or, row by row, the appender) takes. */
function toVectorValue(t: AppendType, v: SqlParam, c: number): DuckDBValue {
  switch (t) {
    case 'VARCHAR':
      return String(v);
    case 'DOUBLE':
      return Number(v);
    case 'INTEGER':
      // The vector refuses a non-integer or out-of-range number, as the row appender does.
      return Number(v);
    case 'BIGINT':
      return BigInt(v as string | number | bigint | boolean);
    case 'BOOLEAN':
      return Boolean(v);
    case 'TIMESTAMPTZ':
      return new DuckDBTimestampTZValue(timestampMicros(v, c));
  }
}

/**
 * Column-wise through data chunks of CHUNK_ROWS rows: a native call per string value instead of one per
 * value plus one per row (NULLs and fixed-width values cost no call at all).
 */
function appendChunks(appender: DuckDBAppender, types: readonly AppendType[], rows: Iterable<readonly SqlParam[]>): number {
  const duckTypes = types.map((t) => DUCK_TYPES[t]);
  let buf: (readonly SqlParam[])[] = [];
  let n = 0;
  const emit = () => {
    if (buf.length === 0) return;
    const chunk = DuckDBDataChunk.create(duckTypes, buf.length);
    for (let c = 0; c < types.length; c++) {
      const t = types[c];
      if (t === undefined) continue;
      const col = new Array<DuckDBValue>(buf.length);
      for (let r = 0; r < buf.length; r++) {
        const v = buf[r]?.[c];
        col[r] = v === null || v === undefined ? null : toVectorValue(t, v, c);
      }
      chunk.setColumnValues(c, col);
    }
    appender.appendDataChunk(chunk);
    n += buf.length;
    buf = [];
  };
  for (const row of rows) {
    buf.push(row);
    if (buf.length === CHUNK_ROWS) emit();
  }
  emit();
  return n;
}

/** Row by row, letting the appender cast to the table's column types (the same conversions as appendChunks). */
function appendRows(appender: DuckDBAppender, types: readonly AppendType[], rows: Iterable<readonly SqlParam[]>): number {
  let n = 0;
  for (const row of rows) {
    for (let c = 0; c < types.length; c++) {
      const t = types[c];
      const v = row[c];
      if (t === undefined) throw new CqdError(`append: no type for column ${c}`);
      if (v === null || v === undefined) appender.appendNull();
      else appender.appendValue(toVectorValue(t, v, c), DUCK_TYPES[t]);
    }
    appender.endRow();
    n++;
  }
  return n;
}
