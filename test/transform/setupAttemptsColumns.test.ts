/**
 * marts.setup_attempts stores client_build, carrier_path and failure_stage and computes client_version, carrier and
 * outcome on read (VIRTUAL columns): they must give back exactly what the build would have written.
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../core/db.js';
import { loadSql } from '../../core/sql.js';

/** The mart's CREATE TABLE (its first statement), as the build runs it. */
const ddl = loadSql('transform/sql/marts/010_setup_attempts.sql').split('INSERT INTO')[0] ?? '';

const cases = [
  { family: 'teams', platform: 'windows', version: '24277.3502.3201.2103', carrier: 'sbc1.contoso.com', dest: 'US', stage: null },
  { family: 'sipDevice', platform: 'Poly CCX/500', version: '8.1.3/beta', carrier: 'Télé/kom 👍', dest: 'DE', stage: 'callSetup' },
  { family: 'tëams', platform: 'wïn 👍', version: 'unknown', carrier: null, dest: 'unknown', stage: 'midcall' },
  { family: 'unknown', platform: 'unknown', version: '', carrier: 'none', dest: 'FR', stage: null },
];

describe('marts.setup_attempts computed columns', () => {
  it('give back the version, carrier and outcome the build derives them from', async () => {
    const db = await openDb(':memory:');
    await db.exec(`CREATE SCHEMA marts; ${ddl}`);
    for (const c of cases) {
      await db.run(
        `INSERT INTO marts.setup_attempts__next BY NAME
         SELECT $family AS client_family, $platform AS client_platform, $family || '/' || $platform || '/' || $version AS client_build,
                CASE WHEN $carrier IS NULL THEN 'none' ELSE $carrier || '/' || $dest END AS carrier_path, $dest AS dest_country,
                $stage AS failure_stage, 'inbound' AS direction`,
        { family: c.family, platform: c.platform, version: c.version, carrier: c.carrier, dest: c.dest, stage: c.stage },
      );
    }
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
