import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDb } from '../../core/db.js';
import { PROJECT_ROOT } from '../../core/sql.js';
import { publishSnapshot, snapshotPath } from '../../transform/snapshot.js';
import { seedMarts } from '../cli/sql/fixtureStore.js';
import { tempStore } from '../helpers/tempStore.js';

let cleanup = () => {};
afterEach(() => cleanup());

const nameRow = z.object({ name: z.string() });

describe('snapshotPath', () => {
  it('sits beside the live file', () => {
    expect(snapshotPath('/data/x/cqd.duckdb')).toBe('/data/x/analytics.duckdb');
  });
});

describe('publishSnapshot', () => {
  it('copies marts and patterns with their comments, and nothing else', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    await seedMarts(s.db, 2000);
    await s.db.run(`INSERT INTO vault.euii VALUES ('u_x', 'upn', 'sealed', now(), now())`);
    const pub = await publishSnapshot(s.db, s.path);
    expect(pub.path).toBe(join(s.dir, 'analytics.duckdb'));
    expect(pub.tables).toContain('marts.setup_attempts');
    expect(pub.tables).toContain('patterns.clusters');
    expect(readdirSync(s.dir).filter((f) => f.includes('tmp'))).toEqual([]);

    const snap = await openDb(pub.path, { readOnly: true, sandbox: true });
    try {
      const schemas = await snap.query(`SELECT DISTINCT schema_name AS name FROM duckdb_tables() ORDER BY 1`, nameRow);
      expect(schemas.map((r) => r.name)).toEqual(['marts', 'patterns']);
      const n = await snap.query('SELECT count(*)::INTEGER AS n FROM marts.setup_attempts', z.object({ n: z.number() }));
      expect(n[0]?.n).toBe(2000);
      const tc = await snap.query(`SELECT comment AS name FROM duckdb_tables() WHERE table_name = 'setup_attempts'`, nameRow);
      expect(tc[0]?.name).toMatch(/^One row per call-setup attempt/);
      const cc = await snap.query(`SELECT comment AS name FROM duckdb_columns() WHERE table_name = 'setup_attempts' AND column_name = 'user_p'`, nameRow);
      expect(cc[0]?.name).toMatch(/pseudonym/);
    } finally {
      snap.close();
    }
  });

  it('is atomic: a reader opening in a loop during publishes always sees a complete file', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    await seedMarts(s.db, 3000);
    await publishSnapshot(s.db, s.path);
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test/transform/snapshotReader.ts'), snapshotPath(s.path), '4000'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const done = new Promise<number | null>((res) => child.on('close', res));
    await new Promise((r) => setTimeout(r, 800));
    for (let i = 0; i < 6; i++) {
      await seedMarts(s.db, i % 2 === 0 ? 6000 : 3000);
      await publishSnapshot(s.db, s.path);
    }
    expect(await done).toBe(0);
    const res = z.object({ opens: z.number(), errors: z.array(z.string()), errorCount: z.number(), sizes: z.array(z.number()) }).parse(JSON.parse(out || err));
    expect(res.errors).toEqual([]);
    expect(res.opens).toBeGreaterThan(5);
    expect(res.sizes.length).toBeGreaterThanOrEqual(1);
    expect(res.sizes.every((n) => n === 3000 || n === 6000)).toBe(true);
  });
});
