import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sites } from '../../../cli/commands/sites.js';
import type { CommandContext } from '../../../cli/context.js';
import { fixedClock } from '../../../core/clock.js';
import { DataCheckError } from '../../../core/errors.js';
import { createLogger } from '../../../core/log.js';
import { csv, line, tempDir, writeTemp } from '../../sites/fixtures.js';

function context(argv: string[], dbPath: string) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CommandContext = {
    argv,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    stdoutIsTTY: false,
    env: {},
    cwd: process.cwd(),
    log: createLogger({ write: () => undefined }),
    clock: fixedClock('2026-03-15T10:00:00Z'),
    config: () => ({ config: {} as never, file: undefined, dbPath }),
    signal: new AbortController().signal,
  };
  return { ctx, out: () => out.join(''), err: () => err.join('') };
}

describe('cqd-patterns sites', () => {
  const dir = tempDir();
  const dbPath = join(dir, 'db.duckdb');
  const good = writeTemp(dir, 'good.csv', csv([line({ ip: '10.1.0.0', range: 16, building: 'BER' }), line({ ip: '10.2.0.0', range: 16, building: 'MUC' })]));
  const bad = writeTemp(dir, 'bad.tsv', [line({ ip: '10.1.0.1', range: 16 }), line({ ip: '10.3.0.0', range: 'x' })].map((l) => l.replaceAll(',', '\t')).join('\n'));
  const next = writeTemp(dir, 'next.csv', csv([line({ ip: '10.1.0.0', range: 16, building: 'BER' }), line({ ip: '10.4.0.0', range: 16, building: 'FRA' })]));

  it('check prints line-numbered problems and exits 3 on errors, 0 when clean', async () => {
    const b = context(['check', bad], dbPath);
    expect(await sites(b.ctx)).toBe(3);
    expect(b.out()).toContain(`${bad}:1:1: error: 10.1.0.1/16 is not aligned to its prefix: the network address is 10.1.0.0`);
    expect(b.out()).toContain(`${bad}:2:3: error: NetworkRange must be a whole number (the prefix length), got 'x'`);
    const g = context(['check', good], dbPath);
    expect(await sites(g.ctx)).toBe(0);
    expect(g.out()).toBe('2 valid rows, 0 errors, 0 warnings\n');
  });

  it('import stores a version, is a no-op the second time, and refuses a bad file (exit 3)', async () => {
    const a = context(['import', good, '--start', '2026-01-01'], dbPath);
    expect(await sites(a.ctx)).toBe(0);
    expect(a.out()).toMatch(/imported .*good\.csv as file 1: 2 networks, 2 segments, in force 2026-01-01 → open/);
    const again = context(['import', good], dbPath);
    expect(await sites(again.ctx)).toBe(0);
    expect(again.out()).toContain('nothing to do');
    const r = context(['import', bad], dbPath);
    await expect(sites(r.ctx)).rejects.toBeInstanceOf(DataCheckError);
    expect(r.err()).toContain(':1:1: error:');
  });

  it('diff against the mapping in force, then list versions', async () => {
    const d = context(['diff', next], dbPath);
    expect(await sites(d.ctx)).toBe(0);
    expect(d.out()).toContain('networks: 1 added, 1 removed, 0 changed; buildings: 1 added, 1 removed, 0 changed');
    expect(await sites(context(['import', next, '--start', '2026-03-01'], dbPath).ctx)).toBe(0);
    const l = context(['list'], dbPath);
    expect(await sites(l.ctx)).toBe(0);
    expect(l.out().split('\n').filter(Boolean).map((s) => s.split('\t').slice(0, 2).join(' '))).toEqual(['  1 2026-01-01 → 2026-02-28', '* 2 2026-03-01 → open']);
    const lb = context(['list', '--buildings', '--json'], dbPath);
    await sites(lb.ctx);
    expect(JSON.parse(lb.out())).toEqual([{ building: 'BER', networks: 1 }, { building: 'FRA', networks: 1 }]);
  });

  it('rejects unknown subcommands and missing files with a usage error', async () => {
    await expect(sites(context(['nope'], dbPath).ctx)).rejects.toThrow(/unknown subcommand/);
    await expect(sites(context(['check'], dbPath).ctx)).rejects.toThrow(/expected exactly one FILE/);
  });
});
