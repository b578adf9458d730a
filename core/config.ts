/**
 * Configuration: one YAML or JSON file with ${ENV} placeholders, validated once, here.
 * This is the only module that reads process.env (callers pass `env` explicitly in tests).
 * With no file at all, the defaults run the demo.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from './errors.js';

const positiveInt = z.number().int().positive();

const graphSchema = z
  .object({
    tenantId: z.string().min(1).optional(),
    clientId: z.string().min(1).optional(),
    /** Client secret; prefer `${CQD_PATTERNS_CLIENT_SECRET}` or clientSecretFile. */
    clientSecret: z.string().min(1).optional(),
    clientSecretFile: z.string().min(1).optional(),
    /** PEM file with the certificate and private key (certificate credential). */
    certificatePath: z.string().min(1).optional(),
    /** Graph root, e.g. https://graph.microsoft.us for US Gov. */
    graphUrl: z.url().default('https://graph.microsoft.com'),
    authorityHost: z.url().default('https://login.microsoftonline.com'),
    /** Send Graph and login requests to this origin instead (an egress proxy, or the local emulator). */
    endpointOverride: z.url().optional(),
    /** Client-side budget for call-records requests (Graph allows 1,500 per 20 s per app per tenant). */
    callRecordsRequestsPer20s: positiveInt.default(1200),
    /** Budget for PSTN / Direct Routing log requests (Graph: 200 per 60 s per app per tenant). */
    pstnRequestsPer60s: positiveInt.default(150),
    /** Budget for sign-in log requests (Graph: 5 per 10 s per app per tenant). */
    signInRequestsPer10s: positiveInt.default(4),
    /** Parallel per-record GETs. */
    concurrency: positiveInt.max(64).default(8),
    /** Also read beta non-interactive sign-ins (Teams token refreshes). */
    nonInteractiveSignIns: z.boolean().default(false),
  })
  .strict();

const ingestSchema = z
  .object({
    /** Re-scan this many hours before the watermark: call records gain versions for hours. */
    trailingHours: positiveInt.default(72),
    /** How far back a first run reaches (bounded by each source's retention). */
    backfillDays: positiveInt.max(365).default(30),
    /** Entra ID licence decides sign-in retention: 7 (Free) or 30 (P1/P2) days. */
    signInRetentionDays: positiveInt.default(30),
    /** Warn when the oldest uncaptured window is this close to a retention edge. */
    deadlineMarginDays: positiveInt.default(7),
    schedule: z.string().default('0 * * * *'),
  })
  .strict();

const vaultSchema = z
  .object({
    /** Clear EUII older than this is purged from the vault (CQD keeps 28 days). */
    retentionDays: positiveInt.default(28),
    /** File holding the two keys; created with 0600 beside the database when no key is configured. */
    keyFile: z.string().min(1).optional(),
    purgeSchedule: z.string().default('30 3 * * *'),
  })
  .strict();

const transformSchema = z
  .object({
    /** A failed sign-in this many minutes before an attempt links it to the attempt. */
    signInWindowMinutes: positiveInt.default(15),
    /** Optional carrier names per trunk FQDN and destination country, e.g. {"sbc1.contoso.com/DE": "Telekom"}. */
    carrierMap: z.record(z.string(), z.string()).default({}),
  })
  .strict();

const patternsSchema = z
  .object({
    windowDays: positiveInt.default(7),
    baselineDays: positiveInt.default(28),
    dims: z.array(z.enum(['site', 'sbc', 'client_build', 'carrier_path'])).min(1).default(['site', 'sbc', 'client_build', 'carrier_path']),
    /** A cluster needs at least this many distinct failing users; fewer is an account/device problem. */
    minUsers: positiveInt.default(3),
    maxClusters: positiveInt.default(20),
  })
  .strict();

const reportSchema = z
  .object({
    timezone: z.string().default('UTC'),
    schedule: z.string().default('0 7 * * 1'),
    outDir: z.string().default('./reports-out'),
    /** Link put into alerts and cards, e.g. where the HTML report is published. */
    link: z.string().optional(),
  })
  .strict();

export const configSchema = z
  .object({
    /** DuckDB file; overridden by --db and CQD_PATTERNS_DB. */
    database: z.string().min(1).optional(),
    /**
     * Memory DuckDB may use (its memory_limit, e.g. "3GB", "512MB"); it spills to disk beyond it. Unset:
     * DuckDB's default, 80 % of the machine. Too tight a limit makes large builds fail with "Out of Memory".
     */
    memoryLimit: z
      .string()
      .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/, 'a size such as "3GB" or "512MB"')
      .optional(),
    timezone: z.string().default('UTC'),
    graph: graphSchema.default(() => graphSchema.parse({})),
    ingest: ingestSchema.default(() => ingestSchema.parse({})),
    vault: vaultSchema.default(() => vaultSchema.parse({})),
    transform: transformSchema.default(() => transformSchema.parse({})),
    patterns: patternsSchema.default(() => patternsSchema.parse({})),
    report: reportSchema.default(() => reportSchema.parse({})),
    /** Alert rules and receivers; validated by alerts/ where they are used. */
    alerts: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type Env = Record<string, string | undefined>;

export const DEFAULT_DB_PATH = './data/cqd-patterns.duckdb';

/** Replace `${VAR}` in every string of the parsed tree; an unset variable is an error naming the key. */
export function substituteEnv(value: unknown, env: Env, where: string, path: string[] = []): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => {
      const v = env[name];
      if (v === undefined) {
        throw new ConfigError(`${where}: ${keyPath(path)}: environment variable ${name} is not set`);
      }
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, env, where, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteEnv(v, env, where, [...path, k]);
    return out;
  }
  return value;
}

function keyPath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.');
}

/** Pure: turn an untyped spec into a fully defaulted Config, or a ConfigError naming file and key. */
export function normalizeConfig(spec: unknown, env: Env, where = 'config'): Config {
  const substituted = substituteEnv(spec ?? {}, env, where);
  const r = configSchema.safeParse(substituted);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const unknownKeys = i.code === 'unrecognized_keys' ? ` (${i.keys.join(', ')})` : '';
    return `${where}: ${keyPath(i.path)}: ${i.message}${unknownKeys}`;
  });
  throw new ConfigError(lines.join('\n'));
}

export interface LoadedConfig {
  config: Config;
  /** The file read, or undefined when running on defaults. */
  file: string | undefined;
  dbPath: string;
}

export interface LoadConfigOptions {
  /** --config PATH */
  file?: string | undefined;
  /** --db PATH */
  db?: string | undefined;
  env?: Env;
  cwd?: string;
}

/** IO shell: find and read the config file, then normalize. Precedence for the DB path: --db, env, config, default. */
export function loadConfig(opts: LoadConfigOptions = {}): LoadedConfig {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const explicit = opts.file ?? env['CQD_PATTERNS_CONFIG'];
  let file: string | undefined;
  if (explicit) {
    file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${file}`);
  } else {
    file = ['cqd-patterns.yaml', 'cqd-patterns.yml', 'cqd-patterns.json'].map((f) => resolve(cwd, f)).find(existsSync);
  }
  let spec: unknown = {};
  if (file) {
    const text = readFileSync(file, 'utf8');
    try {
      spec = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      throw new ConfigError(`${file}: cannot parse: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const config = normalizeConfig(spec, env, file ?? 'defaults');
  const dbPath = resolve(cwd, opts.db ?? env['CQD_PATTERNS_DB'] ?? config.database ?? DEFAULT_DB_PATH);
  return { config, file, dbPath };
}

/** Read one environment variable through the config module (the only process.env reader). */
export function readEnv(name: string, env: Env = process.env): string | undefined {
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}
