/** Reads and writes of the sites tables (the IO side of importFile.ts, diff and list). */
import { z } from 'zod';
import type { Db } from '../core/db.js';
import type { Segment } from './segments.js';
import { sitePath } from './sitePath.js';
import { networkRange, parseAddress, splitKey } from './ranges.js';
import type { NetworkRow } from './validateRow.js';

export const fileRowSchema = z.object({
  file_id: z.number().int(),
  sha256: z.string(),
  file_name: z.string(),
  start_date: z.string(),
  end_date: z.string().nullable(),
  columns: z.number().int(),
  row_count: z.number().int(),
  warning_count: z.number().int(),
  imported_at: z.string(),
});
export type FileRow = z.infer<typeof fileRowSchema>;

export interface NewFile {
  sha256: string;
  fileName: string;
  startDate: string;
  endDate: string | null;
  columns: number;
  warningCount: number;
  importedAt: string;
}

export async function listFiles(db: Db): Promise<FileRow[]> {
  return db.query(
    `SELECT file_id, sha256, file_name, start_date::VARCHAR AS start_date, end_date::VARCHAR AS end_date, columns, row_count,
            warning_count, strftime(imported_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS imported_at
     FROM sites.files ORDER BY file_id`,
    fileRowSchema,
  );
}

/** The file in force on a day: the latest imported file whose period covers it. */
export async function fileInForce(db: Db, day: string): Promise<FileRow | undefined> {
  const files = await listFiles(db);
  return files.filter((f) => f.start_date <= day && (f.end_date === null || day <= f.end_date)).at(-1);
}

const STAGE_NETWORKS = `CREATE OR REPLACE TEMP TABLE sites_stage_networks (
  line INTEGER, family INTEGER, network VARCHAR, prefix INTEGER, start_hi VARCHAR, start_lo VARCHAR, end_hi VARCHAR, end_lo VARCHAR,
  network_name VARCHAR, building_name VARCHAR, ownership VARCHAR, building_type VARCHAR, office_type VARCHAR, city VARCHAR, zip VARCHAR,
  country VARCHAR, state VARCHAR, region VARCHAR, inside_corp BOOLEAN, express_route BOOLEAN, vpn BOOLEAN, site VARCHAR)`;
const STAGE_SEGMENTS = `CREATE OR REPLACE TEMP TABLE sites_stage_segments (family INTEGER, seg_start VARCHAR, seg_end VARCHAR, line INTEGER)`;
const NETWORK_TYPES = ['INTEGER', 'INTEGER', 'VARCHAR', 'INTEGER', ...Array<'VARCHAR'>(14).fill('VARCHAR'), 'BOOLEAN', 'BOOLEAN', 'BOOLEAN', 'VARCHAR'] as const;

function* networkTuples(rows: readonly NetworkRow[]) {
  for (const r of rows) {
    const { start, end } = networkRange(r.family, r.value, r.prefix);
    const s = splitKey(r.family, start);
    const e = splitKey(r.family, end);
    yield [
      r.line, r.family, r.network, r.prefix, String(s.hi), String(s.lo), String(e.hi), String(e.lo),
      r.networkName, r.buildingName, r.ownership, r.buildingType, r.officeType, r.city, r.zip, r.country, r.state, r.region,
      r.insideCorp, r.expressRoute, r.vpn, sitePath(r.region, r.country, r.buildingName),
    ] as const;
  }
}

/**
 * Insert a new version: end the open file that started before it on the day before its start (CQD:
 * one file in force at a time), then the file row, its networks and segments. Call inside a transaction.
 */
export async function writeVersion(db: Db, file: NewFile, rows: readonly NetworkRow[], segments: readonly Segment[]): Promise<number> {
  const next = await db.query('SELECT (coalesce(max(file_id), 0) + 1)::INTEGER AS id FROM sites.files', z.object({ id: z.number().int() }));
  const fileId = next[0]?.id ?? 1;
  await db.run(
    `UPDATE sites.files SET end_date = $start::DATE - 1 WHERE end_date IS NULL AND start_date < $start::DATE`,
    { start: file.startDate },
  );
  await db.run(
    `INSERT INTO sites.files VALUES ($id, $sha, $name, $start::DATE, $end::DATE, $columns, $rows, $warnings, $at::TIMESTAMPTZ)`,
    { id: fileId, sha: file.sha256, name: file.fileName, start: file.startDate, end: file.endDate, columns: file.columns, rows: rows.length, warnings: file.warningCount, at: file.importedAt },
  );
  await db.exec(`${STAGE_NETWORKS};\n${STAGE_SEGMENTS};`);
  await db.append('sites_stage_networks', NETWORK_TYPES, networkTuples(rows));
  await db.append('sites_stage_segments', ['INTEGER', 'VARCHAR', 'VARCHAR', 'INTEGER'], segments.map((s) => [s.family, String(s.start), String(s.end), s.line] as const));
  await db.run(
    `INSERT INTO sites.networks
     SELECT $id, line, family, network, prefix, start_hi::UBIGINT, start_lo::UBIGINT, end_hi::UBIGINT, end_lo::UBIGINT,
            network_name, building_name, ownership, building_type, office_type, city, zip, country, state, region,
            inside_corp, express_route, vpn, site
     FROM sites_stage_networks`,
    { id: fileId },
  );
  await db.run(`INSERT INTO sites.segments SELECT $id, family, seg_start::UBIGINT, seg_end::UBIGINT, line FROM sites_stage_segments ORDER BY family, seg_start::UBIGINT`, { id: fileId });
  await db.exec('DROP TABLE sites_stage_networks; DROP TABLE sites_stage_segments;');
  return fileId;
}

const storedNetworkSchema = z.object({
  line: z.number().int(),
  family: z.union([z.literal(4), z.literal(6)]),
  network: z.string(),
  prefix: z.number().int(),
  network_name: z.string(),
  building_name: z.string(),
  ownership: z.string(),
  building_type: z.string(),
  office_type: z.string(),
  city: z.string(),
  zip: z.string(),
  country: z.string(),
  state: z.string(),
  region: z.string(),
  inside_corp: z.boolean(),
  express_route: z.boolean(),
  vpn: z.boolean(),
});

/** The rows of one stored file, as typed building-file rows. */
export async function loadNetworks(db: Db, fileId: number): Promise<NetworkRow[]> {
  const rows = await db.query(
    `SELECT line, family::INTEGER AS family, network, prefix::INTEGER AS prefix, network_name, building_name, ownership, building_type,
            office_type, city, zip, country, state, region, inside_corp, express_route, vpn
     FROM sites.networks WHERE file_id = $id ORDER BY line`,
    storedNetworkSchema,
    { id: fileId },
  );
  return rows.map((r) => ({
    line: r.line,
    family: r.family,
    value: parseAddress(r.network)?.value ?? 0n,
    prefix: r.prefix,
    network: r.network,
    networkName: r.network_name,
    buildingName: r.building_name,
    ownership: r.ownership,
    buildingType: r.building_type,
    officeType: r.office_type,
    city: r.city,
    zip: r.zip,
    country: r.country,
    state: r.state,
    region: r.region,
    insideCorp: r.inside_corp,
    expressRoute: r.express_route,
    vpn: r.vpn,
  }));
}
