import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../../../cli/commands/sql.js';
import { PROJECT_ROOT } from '../../../core/sql.js';
import { sqlCtx, sqlStore, stdinOf, type SqlStore } from './sqlStore.js';

const dir = join(PROJECT_ROOT, 'docs', 'cookbook');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.sql'))
  .sort();

let store: SqlStore;
beforeAll(async () => {
  store = await sqlStore(50_000);
});
afterAll(() => store.cleanup());

describe('docs/cookbook', () => {
  it('has ten numbered queries, each listed in cookbook.md', () => {
    expect(files).toHaveLength(10);
    expect(files.every((f, i) => f.startsWith(String(i + 1).padStart(2, '0') + '_'))).toBe(true);
    const md = readFileSync(join(PROJECT_ROOT, 'docs', 'cookbook.md'), 'utf8');
    for (const f of files) {
      expect(md).toContain(`cookbook/${f}`);
      expect(md).toContain(readFileSync(join(dir, f), 'utf8').trim());
    }
  });

  for (const f of files) {
    it(`${f} runs on the analyst snapshot and returns rows`, async () => {
      const ctx = sqlCtx(store, ['-f', join(dir, f), '--all']);
      expect(await runSql(ctx, stdinOf(''))).toBe(0);
      const rows = ctx.out.join('').split('\n').filter(Boolean);
      expect(rows.length).toBeGreaterThan(0);
    });
  }
});
