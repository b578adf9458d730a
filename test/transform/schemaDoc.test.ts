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
    const md = await schemaMarkdown(s.db);
    expect(md).toBe(await schemaMarkdown(s.db));
    expect(md).toContain('## marts.setup_attempts');
    expect(md).toContain('## patterns.clusters');
    expect(md).toMatch(/\| user_p \| VARCHAR \| User pseudonym/);
    expect(md).toMatch(/\| failures \| BIGINT \| Attempts with is_failure \|/);
    expect(md).not.toMatch(/^## (vault|raw|meta|land|staging|intermediate)\./m);
    expect(md).not.toContain('vault.euii');
    const sections = [...md.matchAll(/^## (\S+)/gm)].map((m) => m[1]);
    expect(sections).toEqual([...sections].sort());
    // Every column of setup_attempts appears once.
    const cols = md.split('## marts.setup_attempts')[1]?.split('\n## ')[0] ?? '';
    expect(cols.match(/^\| \w+ \| /gm)?.length).toBe(32);
  });
});
