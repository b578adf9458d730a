import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type MainIO } from '../../../cli/main.js';
import { openStore } from '../../../core/store.js';
import { patternResultSchema } from '../../../transform/patterns/cluster.js';
import { fillAttempts } from '../../transform/patterns/attemptsFixture.js';

let dbPath: string;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cqd-patterns-cli-'));
  dbPath = join(dir, 'p.duckdb');
  const db = await openStore(dbPath);
  await fillAttempts(db, { attempts: 60_000, end: '2026-03-01T00:00:00Z', incidents: [{ where: "site LIKE 'EMEA/DE/%'", mult: 5 }] });
  db.close();
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: MainIO = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: tmpdir(), signal: new AbortController().signal };
  const code = await main(['patterns', '--db', dbPath, '--now', '2026-03-01T00:00:00Z', ...args], io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('cqd-patterns patterns', () => {
  it('prints the ranked clusters as JSON (last 7 days against the 28 before) and stores the run', async () => {
    const r = await run(['--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const res = patternResultSchema.parse(JSON.parse(r.out));
    expect(res.window).toMatchObject({ from: '2026-02-22T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
    expect(res.clusters[0]?.dimensions).toEqual({ site: 'EMEA/DE' });
    const db = await openStore(dbPath);
    try {
      const n = await db.query('SELECT count(*)::INTEGER AS n FROM patterns.runs', z.object({ n: z.number() }));
      expect(n[0]?.n).toBe(1);
    } finally {
      db.close();
    }
  });

  it('renders a table and Markdown', async () => {
    expect((await run(['--format', 'table', '--no-store'])).out).toMatch(/EMEA\/DE/);
    expect((await run(['--format', 'md', '--no-store'])).out).toMatch(/\|.*EMEA\/DE/);
  });

  it('refuses an unsafe failure predicate and an unknown dimension with exit 2', async () => {
    const bad = await run(['--failure', "auth_linked; DROP TABLE marts.setup_attempts", '--no-store']);
    expect(bad.code).toBe(2);
    expect((await run(['--dims', 'site,building'])).code).toBe(2);
  });
});
