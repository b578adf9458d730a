/**
 * marts.setup_attempts stores client_build, carrier_path and failure_stage and computes client_version, carrier and
 * outcome on read (VIRTUAL columns): they must give back exactly what the build would have written.
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../core/db.js';
import { loadSql } from '../../core/sql.js';

/** The mart's CREATE TABLE as the build runs it (after the build's dictionaries, before its insert). */
const mart = loadSql('transform/sql/marts/010_setup_attempts.sql');
const ddl = mart.slice(mart.indexOf('CREATE OR REPLACE TABLE marts.setup_attempts__next'), mart.indexOf('INSERT INTO'));
/** The fixed vocabularies (ENUMs with a literal list), as the build defines them (intermediate/030 and here). */
const fixedTypes = [loadSql('transform/sql/intermediate/030_int_attempts.sql'), mart]
  .flatMap((sql) => [...sql.matchAll(/CREATE OR REPLACE TEMP TYPE int_(\w+)_values AS ENUM \(('[^)]*')\);/g)])
  .map((m) => ({ column: m[1] ?? '', sql: m[0] }));
/** The dictionary ENUMs the DDL names (int_<column>_values), by column: the values a build found. */
const dictionaries = [...new Set([...ddl.matchAll(/\b(\w+) int_(\w+)_values\b/g)].map((m) => m[2] ?? ''))].filter(
  (col) => !fixedTypes.some((t) => t.column === col),
);

const cases = [
  { family: 'teams', platform: 'windows', version: '24277.3502.3201.2103', carrier: 'sbc1.contoso.com', dest: 'US', stage: null },
  { family: 'sipDevice', platform: 'Poly CCX/500', version: '8.1.3/beta', carrier: 'Télé/kom 👍', dest: 'DE', stage: 'callSetup' },
  { family: 'tëams', platform: 'wïn 👍', version: 'unknown', carrier: null, dest: 'unknown', stage: 'midcall' },
  { family: 'unknown', platform: 'unknown', version: '', carrier: 'none', dest: 'FR', stage: null },
];

describe('marts.setup_attempts computed columns', () => {
  it('give back the version, carrier and outcome the build derives them from', async () => {
    const db = await openDb(':memory:');
    await db.exec(`CREATE SCHEMA marts; CREATE TEMP TABLE case_rows (client_family VARCHAR, client_platform VARCHAR, client_build VARCHAR,
      carrier_path VARCHAR, dest_country VARCHAR, failure_stage VARCHAR, direction VARCHAR)`);
    for (const c of cases) {
      await db.run(
        `INSERT INTO case_rows BY NAME
         SELECT $family AS client_family, $platform AS client_platform, $family || '/' || $platform || '/' || $version AS client_build,
                CASE WHEN $carrier IS NULL THEN 'none' ELSE $carrier || '/' || $dest END AS carrier_path, $dest AS dest_country,
                $stage AS failure_stage, 'inbound' AS direction`,
        { family: c.family, platform: c.platform, version: c.version, carrier: c.carrier, dest: c.dest, stage: c.stage },
      );
    }
    expect(fixedTypes.map((t) => t.column).sort()).toEqual(['direction', 'failure_origin', 'layer', 'site_match', 'source']);
    for (const t of fixedTypes) await db.exec(t.sql);
    expect(dictionaries).toEqual(expect.arrayContaining(['client_build', 'client_family', 'client_platform', 'carrier_path', 'dest_country', 'failure_stage']));
    for (const col of dictionaries) {
      const has = ['client_build', 'client_family', 'client_platform', 'carrier_path', 'dest_country', 'failure_stage'].includes(col);
      await db.exec(`CREATE TEMP TYPE int_${col}_values AS ENUM (${has ? `SELECT DISTINCT ${col} FROM case_rows WHERE ${col} IS NOT NULL` : `SELECT 'x' WHERE false`})`);
    }
    await db.exec(`${ddl}; INSERT INTO marts.setup_attempts__next BY NAME SELECT * FROM case_rows`);
    const rows = await db.query(
      `SELECT client_version, carrier, outcome, direction = 'inbound' AS inbound, direction = 'sideways' AS sideways FROM marts.setup_attempts__next`,
      z.object({ client_version: z.string(), carrier: z.string(), outcome: z.string(), inbound: z.boolean(), sideways: z.boolean() }),
    );
    expect(rows).toEqual(
      cases.map((c) => ({ client_version: c.version, carrier: c.carrier ?? 'none', outcome: c.stage ? 'failure' : 'success', inbound: true, sideways: false })),
    );
    db.close();
  });
});
