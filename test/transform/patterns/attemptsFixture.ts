/**
 * A hand-built marts.setup_attempts (columns per contract-attempts.md) filled by deterministic SQL: users with a home
 * site / build / SBC, a 2% auth-failure rate, a stably elevated site (AMER/US/SEA at 3x, in baseline and window),
 * optional incidents in the window only (a SQL condition and a rate multiplier) and an optional heavy user.
 * Randomness is hash()-based so the rows are the same on every run and thread count.
 */
import type { Db } from '../../../core/db.js';

export const ATTEMPTS_DDL = `
CREATE SCHEMA IF NOT EXISTS marts;
CREATE TABLE IF NOT EXISTS marts.setup_attempts (
  attempt_id VARCHAR, source VARCHAR, attempt_ts TIMESTAMPTZ, day DATE, user_p VARCHAR,
  site VARCHAR, site_region VARCHAR, site_country VARCHAR, site_building VARCHAR, site_subnet VARCHAR, site_match VARCHAR,
  sbc VARCHAR, client_build VARCHAR, client_family VARCHAR, client_platform VARCHAR, client_version VARCHAR,
  carrier_path VARCHAR, carrier VARCHAR, dest_country VARCHAR, direction VARCHAR, call_type VARCHAR, outcome VARCHAR,
  is_failure BOOLEAN, failure_stage VARCHAR, final_sip_code INTEGER, ms_code BIGINT, failure_origin VARCHAR, layer VARCHAR,
  auth_linked BOOLEAN, sign_in_error_code INTEGER, attributed BOOLEAN
);`;

export interface Incident {
  /** SQL condition over site, sbc, client_build, carrier_path of the generated row. */
  where: string;
  mult: number;
}

export interface FixtureOptions {
  attempts: number;
  users?: number;
  /** Window end; the data spans the 35 days before it (28 baseline + 7 window). */
  end?: string;
  incidents?: Incident[];
  heavyUser?: boolean;
  /** Multiplier on every window failure (a global change). */
  globalMult?: number;
}

const SITES = "['EMEA/DE/BER','EMEA/DE/MUC','EMEA/FR/PAR','AMER/US/NYC','AMER/US/SEA','APAC/JP/TYO','EMEA/GB/LON','AMER/CA/TOR']";
const BUILDS = "['teams/windows/24215.1','teams/windows/24300.2','teams/macOS/24215.1','teams/macOS/24300.2','teams/web/1.0','sipDevice/Poly VVX 450/6.4.3']";
const SBCS = "['sbc1.contoso.com','sbc2.contoso.com','sbc3.contoso.com','microsoft']";
const DEST = "['DE','FR','US','GB']";

/** u(k): a uniform [0,1) draw for row i and salt k. */
const u = (k: number): string => `((hash(i * 31 + ${k}) % 1000003)::DOUBLE / 1000003)`;

export async function fillAttempts(db: Db, o: FixtureOptions): Promise<void> {
  await db.exec(ATTEMPTS_DDL);
  const users = o.users ?? 3000;
  const end = o.end ?? '2026-03-01T00:00:00Z';
  const inc = (o.incidents ?? []).map((x) => `CASE WHEN in_window AND (${x.where}) THEN ${x.mult} ELSE 1 END`).join(' * ') || '1';
  await db.exec(`
CREATE OR REPLACE TEMP TABLE gen AS
WITH base AS (
  SELECT i, (hash(i * 31 + 1) % ${users}) AS uid, TIMESTAMPTZ '${end}' - to_microseconds((${u(2)} * 35 * 86400e6)::BIGINT) AS ts
  FROM range(${o.attempts}) t(i)
), dims AS (
  SELECT *, ${SITES}[1 + (hash(uid * 7) % 8)::INTEGER] AS site,
    ${BUILDS}[1 + (hash(uid * 11) % 6)::INTEGER] AS client_build,
    ${SBCS}[1 + (hash(uid * 13 + i % 3) % 4)::INTEGER] AS sbc,
    ${DEST}[1 + (hash(i * 17) % 4)::INTEGER] AS dest,
    ts >= TIMESTAMPTZ '${end}' - INTERVAL 7 DAY AS in_window
  FROM base
)
SELECT *, CASE WHEN sbc = 'microsoft' THEN 'Microsoft/' || dest ELSE sbc || '/' || dest END AS carrier_path,
  ${u(3)} < 0.02 * (CASE WHEN site = 'AMER/US/SEA' THEN 3 ELSE 1 END) * ${inc} * (CASE WHEN in_window THEN ${o.globalMult ?? 1} ELSE 1 END) AS failed
FROM dims;
INSERT INTO marts.setup_attempts
SELECT 'a' || i, 'call_record', ts, ts::DATE, 'u' || uid,
  site, split_part(site, '/', 1), split_part(site, '/', 2), split_part(site, '/', 3), '10.0.0.0/24', 'subnet',
  sbc, client_build, split_part(client_build, '/', 1), split_part(client_build, '/', 2), split_part(client_build, '/', 3),
  carrier_path, split_part(carrier_path, '/', 1), dest, 'outbound', 'groupCall', CASE WHEN failed THEN 'failure' ELSE 'success' END,
  failed, CASE WHEN failed THEN 'callSetup' END, CASE WHEN failed THEN (CASE WHEN i % 3 = 0 THEN 407 ELSE 401 END) END,
  CASE WHEN failed THEN (CASE WHEN sbc LIKE 'sbc%' THEN 560401 ELSE 510401 END) END,
  CASE WHEN failed THEN (CASE WHEN sbc LIKE 'sbc%' THEN 'sbc' ELSE 'microsoft' END) END,
  CASE WHEN failed THEN (CASE WHEN sbc LIKE 'sbc%' THEN 'direct_routing' ELSE 'client_sign_in' END) ELSE 'other' END,
  failed, NULL, false
FROM gen;
DROP TABLE gen;`);
  if (o.heavyUser) {
    // One user at a normal site failing 60 of 80 attempts in the window: an account problem, not a pattern.
    await db.exec(`
INSERT INTO marts.setup_attempts
SELECT 'h' || i, 'call_record', TIMESTAMPTZ '${end}' - to_microseconds(((i + 1) * 3600e6)::BIGINT), (TIMESTAMPTZ '${end}' - to_microseconds(((i + 1) * 3600e6)::BIGINT))::DATE,
  'u-heavy', 'EMEA/FR/PAR', 'EMEA', 'FR', 'PAR', '10.0.0.0/24', 'subnet', 'sbc2.contoso.com', 'teams/windows/24215.1', 'teams', 'windows', '24215.1',
  'sbc2.contoso.com/FR', 'sbc2.contoso.com', 'FR', 'outbound', 'groupCall', CASE WHEN i < 60 THEN 'failure' ELSE 'success' END,
  i < 60, CASE WHEN i < 60 THEN 'callSetup' END, CASE WHEN i < 60 THEN 401 END, CASE WHEN i < 60 THEN 560401 END,
  CASE WHEN i < 60 THEN 'sbc' END, CASE WHEN i < 60 THEN 'direct_routing' ELSE 'other' END, i < 60, NULL, false
FROM range(80) t(i);`);
  }
}
