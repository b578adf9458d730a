import { afterEach, describe, expect, it } from 'vitest';
import { schemaMarkdown } from '../../transform/schemaDoc.js';
import { seedMarts } from '../cli/sql/fixtureStore.js';
import { tempStore } from '../helpers/tempStore.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('schemaMarkdown', () => {
  it('documents every marts/patterns table and column from COMMENT ON, in a stable order, and nothing else', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    await seedMarts(s.db, 100);
    // as the build stores them: site as an ENUM of the values found, direction as a fixed vocabulary
    await s.db.exec(`CREATE TEMP TYPE site_values AS ENUM (SELECT DISTINCT site FROM marts.setup_attempts ORDER BY 1);
      ALTER TABLE marts.setup_attempts ALTER site TYPE site_values;
      ALTER TABLE marts.setup_attempts ALTER direction TYPE ENUM('inbound', 'outbound', 'internal');`);
    const md = await schemaMarkdown(s.db);
    expect(md).toBe(await schemaMarkdown(s.db));
    expect(md).toContain('## marts.setup_attempts');
    expect(md).toContain('## patterns.clusters');
    expect(md).toMatch(/\| user_p \| VARCHAR \| User pseudonym/);
    expect(md).toMatch(/\| failures \| BIGINT \| Attempts with is_failure \|/);
    // Dictionary ENUMs (values found by the build) are not listed; fixed vocabularies are.
    expect(md).toMatch(/\| site \| ENUM \(text: the values in the data\) \| Site dimension/);
    expect(md).toMatch(/\| direction \| ENUM\('inbound', 'outbound', 'internal'\) \|/);
    expect(md).not.toMatch(/\| site \| ENUM\(/);
    expect(md).not.toMatch(/^## (vault|raw|meta|land|staging|intermediate)\./m);
    expect(md).not.toContain('vault.euii');
    const sections = [...md.matchAll(/^## (\S+)/gm)].map((m) => m[1]);
    expect(sections).toEqual([...sections].sort());
    // Every column of setup_attempts appears once.
    const cols = md.split('## marts.setup_attempts')[1]?.split('\n## ')[0] ?? '';
    expect(cols.match(/^\| \w+ \| /gm)?.length).toBe(32);
  });
});
