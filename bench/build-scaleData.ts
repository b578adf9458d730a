/**
 * Generated raw tables for bench/build-scale.ts, written by DuckDB itself (range() + hash(), no JS rows):
 * n call records with one user session each, about half with a Direct Routing leg (correlation_id = the
 * record id, 20 SBCs), about 15 % with a Calling Plan / Operator Connect row, ~2 sign-ins per user per day,
 * n / 100 users over 28 days, and a building file of 2,000 /24 networks (10 % of users on unmapped ones).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '../core/clock.js';
import type { Db } from '../core/db.js';
import { importBuildingFile } from '../sites/importFile.js';

export const END = '2026-11-01T00:00:00Z';
export const DAYS = 28;
export const BUILDINGS = 2000;

const REGIONS = [['EMEA', 'DE'], ['EMEA', 'FR'], ['EMEA', 'GB'], ['AMER', 'US'], ['AMER', 'CA'], ['APAC', 'JP'], ['APAC', 'AU'], ['LATAM', 'BR']] as const;

/** The network of building b (0 ≤ b < BUILDINGS): 10.<b / 200>.<b % 200>.0/24. */
export function buildingCsv(): string {
  const lines: string[] = [];
  for (let b = 0; b < BUILDINGS; b++) {
    const [region, country] = REGIONS[b % REGIONS.length] ?? ['EMEA', 'DE'];
    const vpn = b % 100 === 99 ? '1' : '0';
    lines.push([`10.${Math.floor(b / 200)}.${b % 200}.0`, `net-${b}`, '24', `B${b}`, 'Contoso', 'Office', 'Eng', `City${b % 97}`, '10115', country, 'ST', region, '1', '0', vpn].join(','));
  }
  return lines.join('\n') + '\n';
}

export async function importBuildings(db: Db, dir: string): Promise<void> {
  const path = join(dir, 'buildings.csv');
  writeFileSync(path, buildingCsv());
  const r = await importBuildingFile({ db, clock: fixedClock('2026-09-01T00:00:00Z') }, { path, start: '2026-01-01' });
  if (r.status !== 'imported') throw new Error(`building file not imported: ${r.status}`);
}

/** Macros shared by the generators: u(x, k) is a uniform [0, 1) value keyed by row x and salt k. */
const macros = (n: number, users: number): string => `
CREATE OR REPLACE TEMP MACRO u(x, k) AS (hash(x * 1000003 + k) % 1000000)::DOUBLE / 1000000;
CREATE OR REPLACE TEMP MACRO uid_of(i) AS (hash(i * 7 + 1) % ${users})::BIGINT;
CREATE OR REPLACE TEMP MACRO ts_of(i) AS TIMESTAMPTZ '${END}' - to_microseconds((u(i, 2) * ${DAYS} * 86400e6)::BIGINT);
CREATE OR REPLACE TEMP MACRO has_dr(i) AS u(i, 3) < 0.5;
CREATE OR REPLACE TEMP MACRO net_of(uid) AS (hash(uid * 13 + 5) % ${Math.round(BUILDINGS * 1.1)})::BIGINT;
CREATE OR REPLACE TEMP MACRO subnet_of(b) AS CASE WHEN b < ${BUILDINGS} THEN '10.' || (b // 200) || '.' || (b % 200) || '.0'
  ELSE '172.16.' || (b - ${BUILDINGS}) || '.0' END;
CREATE OR REPLACE TEMP MACRO prefix_of(b) AS CASE WHEN b < ${BUILDINGS} THEN '10.' || (b // 200) || '.' || (b % 200) || '.16'
  ELSE '172.16.' || (b - ${BUILDINGS}) || '.16' END;
CREATE OR REPLACE TEMP MACRO platform_of(uid) AS ['windows','windows','windows','windows','windows','macOS','macOS','android','ios','ipPhone'][1 + (hash(uid * 17) % 10)::INTEGER];
CREATE OR REPLACE TEMP MACRO version_of(uid) AS ['24215.1007.3082.1590','24243.1309.3132.617','24277.3507.3205.8398','25006.1008.3318.2412','1.7.00.33761','49/24100302525'][1 + (hash(uid * 19) % 6)::INTEGER];
CREATE OR REPLACE TEMP MACRO country_of(x) AS ['DE','FR','GB','US','CA','JP','AU','BR','NL','ES','IT','IN'][1 + (hash(x * 23) % 12)::INTEGER];
-- n = ${n}
`;

/** The raw tables, as INSERT … SELECT statements (run one by one). */
export function rawInserts(n: number): string[] {
  const users = Math.max(100, Math.floor(n / 100));
  const signIns = users * 2 * DAYS;
  return [
    macros(n, users),
    `INSERT INTO raw.call_records
     SELECT 'c' || i, 1, CASE WHEN u(i, 4) < 0.1 THEN 'groupCall' ELSE 'peerToPeer' END, 'audio', ts_of(i), ts_of(i) + INTERVAL 3 MINUTE,
            ts_of(i) + INTERVAL 10 MINUTE, 'u' || uid_of(i), 1, 'file', 'bench', TIMESTAMPTZ '${END}'
     FROM range(${n}) t(i)`,
    `INSERT INTO raw.call_sessions
     WITH b AS (
       SELECT i, uid_of(i) AS uid, ts_of(i) AS ts, has_dr(i) AS dr, u(i, 5) < 0.85 AS user_caller, u(i, 6) < 0.1 AS no_subnet,
              u(i, 7) < 0.03 AS failed, (u(i, 8) < 0.3 AND NOT has_dr(i)) AS pstn
       FROM range(${n}) t(i)
     ), e AS (
       SELECT *, net_of(uid) AS net, platform_of(uid) AS platform, version_of(uid) AS version,
              CASE WHEN dr OR pstn THEN 'service' ELSE 'participant' END AS other_kind
       FROM b
     )
     SELECT 'c' || i, 's' || i, ts, ts + INTERVAL 3 MINUTE, 'audio', false,
       CASE WHEN failed AND NOT dr THEN 'callSetup' END,
       CASE WHEN failed AND NOT dr THEN ['500 Internal server error','408 Request timeout','401 Unauthorized','480 Temporarily unavailable'][1 + (hash(i) % 4)::INTEGER] END,
       -- caller
       CASE WHEN user_caller THEN 'participant' ELSE other_kind END,
       CASE WHEN user_caller THEN 'u' || uid WHEN other_kind = 'participant' THEN 'u' || ((uid + 1) % ${users}) END,
       CASE WHEN user_caller THEN 'dev' || uid END,
       CASE WHEN user_caller THEN platform END, CASE WHEN user_caller THEN 'teams' END, CASE WHEN user_caller AND platform <> 'ipPhone' THEN version END,
       CASE WHEN user_caller AND platform = 'ipPhone' THEN 'PolyCCX/8.1.3.' || (1300 + uid % 3) || ' (CCX ' || (400 + 100 * (uid % 3)) || ')' END,
       CASE WHEN user_caller THEN '1fec8e78-bce4-4aaf-ab1b-5451cc387264' END,
       CASE WHEN NOT user_caller AND other_kind = 'service' THEN 'mediationServer' END,
       CASE WHEN user_caller AND NOT no_subnet THEN subnet_of(net) END, CASE WHEN user_caller THEN 'ip' || i END,
       CASE WHEN user_caller THEN prefix_of(net) END, CASE WHEN user_caller THEN 'wired' END,
       -- callee
       CASE WHEN NOT user_caller THEN 'participant' ELSE other_kind END,
       CASE WHEN NOT user_caller THEN 'u' || uid WHEN other_kind = 'participant' THEN 'u' || ((uid + 1) % ${users}) END,
       CASE WHEN NOT user_caller THEN 'dev' || uid END,
       CASE WHEN NOT user_caller THEN platform END, CASE WHEN NOT user_caller THEN 'teams' END, CASE WHEN NOT user_caller AND platform <> 'ipPhone' THEN version END,
       CASE WHEN NOT user_caller AND platform = 'ipPhone' THEN 'PolyCCX/8.1.3.' || (1300 + uid % 3) || ' (CCX ' || (400 + 100 * (uid % 3)) || ')' END,
       CASE WHEN NOT user_caller THEN '1fec8e78-bce4-4aaf-ab1b-5451cc387264' END,
       CASE WHEN user_caller AND other_kind = 'service' THEN 'mediationServer' END,
       CASE WHEN NOT user_caller AND NOT no_subnet THEN subnet_of(net) END, CASE WHEN NOT user_caller THEN 'ip' || i END,
       CASE WHEN NOT user_caller THEN prefix_of(net) END, CASE WHEN NOT user_caller THEN 'wifi' END,
       CASE WHEN pstn OR dr THEN 'ph' || (hash(i * 3) % 1000000) END, CASE WHEN pstn OR dr THEN country_of(i) END
     FROM e`,
    `INSERT INTO raw.direct_routing_calls
     WITH b AS (
       SELECT i, uid_of(i) AS uid, ts_of(i) AS ts, u(i, 9) < 0.04 AS failed, u(i, 10) < 0.2 AS inbound,
              [403, 404, 408, 480, 486, 487, 500, 503, 401, 407][1 + (hash(i * 5) % 10)::INTEGER] AS code, u(i, 11) < 0.4 AS from_sbc
       FROM range(${n}) t(i) WHERE has_dr(i)
     )
     SELECT 'd' || i, 'c' || i, 'u' || uid, 'uid' || uid, 'dn' || uid, ts, ts, CASE WHEN failed THEN ts + INTERVAL 5 SECOND END,
       ts + INTERVAL 3 MINUTE, CASE WHEN failed THEN 0 ELSE 180 END, CASE WHEN inbound THEN 'dr_in' ELSE 'dr_out' END, NOT failed,
       'ph' || uid, 'ph' || (hash(i * 3) % 1000000), CASE WHEN inbound THEN country_of(i) ELSE 'DE' END,
       CASE WHEN inbound THEN 'DE' ELSE country_of(i) END, false, 'EU', 'EU',
       CASE WHEN failed THEN code ELSE 0 END,
       CASE WHEN NOT failed THEN 540000 WHEN from_sbc THEN 560000 + code ELSE 510000 + code END,
       CASE WHEN failed THEN 'failed' ELSE 'OK' END,
       'sbc' || (hash(uid * 29 + i % 2) % 20) || '.contoso.com', false, 'file', 'bench', TIMESTAMPTZ '${END}'
     FROM b`,
    `INSERT INTO raw.pstn_calls
     WITH b AS (SELECT i, uid_of(i) AS uid, ts_of(i) AS ts, u(i, 12) < 0.7 AS plan, u(i, 13) < 0.2 AS inbound
                FROM range(${n}) t(i) WHERE u(i, 8) < 0.3 AND NOT has_dr(i))
     SELECT 'p' || i, 'pc' || i, 'u' || uid, 'uid' || uid, 'dn' || uid, ts + INTERVAL 5 SECOND, ts + INTERVAL 3 MINUTE, 175,
       CASE WHEN inbound THEN 'user_in' ELSE 'user_out' END, 'ph' || uid, 'ph' || (hash(i * 3) % 1000000),
       CASE WHEN inbound THEN country_of(i) ELSE 'DE' END, CASE WHEN inbound THEN 'DE' ELSE country_of(i) END, false,
       0.01, 0, 'EUR', 'International', 'dest', NULL, 'MCOPSTN1', 'Subscriber',
       CASE WHEN plan THEN 'Microsoft' ELSE 'Fabrikam Telecom' END, 'microsoft', 'DE', 'DE', 'file', 'bench', TIMESTAMPTZ '${END}'
     FROM b`,
    `INSERT INTO raw.sign_ins
     WITH b AS (SELECT j, j % ${users} AS uid, TIMESTAMPTZ '${END}' - to_microseconds((u(j, 14) * ${DAYS} * 86400e6)::BIGINT) AS ts,
                       u(j, 15) AS f FROM range(${signIns}) t(j))
     SELECT 's' || j, ts, 'u' || uid, 'uid' || uid,
       CASE WHEN hash(j) % 10 < 7 THEN '1fec8e78-bce4-4aaf-ab1b-5451cc387264' ELSE '00000003-0000-0ff1-ce00-000000000000' END,
       'Microsoft Teams', 'Mobile Apps and Desktop clients', true, 'interactiveUser',
       CASE WHEN f < 0.01 THEN 50126 WHEN f < 0.015 THEN 53003 WHEN f < 0.03 THEN 50140 ELSE 0 END,
       CASE WHEN f < 0.03 THEN 'failed' END, 'notApplied', 'ip' || j, prefix_of(net_of(uid)), 'Windows', 'Edge', 'dev' || uid, 'DE',
       'file', 'bench', TIMESTAMPTZ '${END}'
     FROM b`,
  ];
}
