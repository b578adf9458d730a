import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { report } from '../../../cli/commands/report.js';
import type { CommandContext } from '../../../cli/context.js';
import { fixedClock } from '../../../core/clock.js';
import { loadConfig } from '../../../core/config.js';
import { memoryLogger } from '../../../core/log.js';
import { openStore } from '../../../core/store.js';
import { fillReportStore } from '../../reports/storeFixture.js';

let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cqd-report-'));
  writeFileSync(join(dir, 'cqd-patterns.yaml'), `database: ${join(dir, 'db.duckdb')}\nreport:\n  outDir: ${join(dir, 'reports-out')}\n`);
  const db = await openStore(join(dir, 'db.duckdb'));
  try {
    await fillReportStore(db, 40_000);
  } finally {
    db.close();
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function ctx(argv: string[]): CommandContext & { out: string[] } {
  const out: string[] = [];
  const env = {};
  return {
    argv,
    out,
    stdout: (s) => out.push(s),
    stderr: () => undefined,
    stdoutIsTTY: false,
    env,
    cwd: dir,
    log: memoryLogger(),
    clock: fixedClock('2026-11-23T07:00:00.000Z'),
    config: () => loadConfig({ env, cwd: dir }),
    signal: new AbortController().signal,
  };
}

describe('cqd-patterns report weekly', () => {
  it('writes HTML, Markdown, JSON and PNGs for the last complete week into report.outDir and prints the paths', async () => {
    const c = ctx(['weekly']);
    expect(await report(c)).toBe(0);
    const out = join(dir, 'reports-out');
    const html = join(out, 'weekly-2026-W47.html');
    expect(c.out.join('')).toContain(html);
    for (const f of ['weekly-2026-W47.md', 'weekly-2026-W47.json', 'charts/layer-origin.png', 'charts/site-sbc-heatmap.png']) expect(existsSync(join(out, f))).toBe(true);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toContain('<script');
    expect(text).toContain('&lt;script&gt;');
    const json: unknown = JSON.parse(readFileSync(join(out, 'weekly-2026-W47.json'), 'utf8'));
    expect(json).toMatchObject({ week: '2026-W47', pseudonymised: true });
  });

  it('takes --week, --out and --reveal (users without a vault entry stay pseudonyms)', async () => {
    const out = join(dir, 'elsewhere');
    expect(await report(ctx(['weekly', '--week', '2026-W46', '--out', out, '--reveal']))).toBe(0);
    expect(existsSync(join(out, 'weekly-2026-W46.html'))).toBe(true);
    const json: unknown = JSON.parse(readFileSync(join(out, 'weekly-2026-W46.json'), 'utf8'));
    expect(json).toMatchObject({ week: '2026-W46', window: { from: '2026-11-09T00:00:00.000Z' }, pseudonymised: true });
  });

  it('rejects an unknown report and a malformed week with a usage error', async () => {
    await expect(report(ctx(['monthly']))).rejects.toThrow(/unknown report/);
    await expect(report(ctx(['weekly', '--week', 'W47']))).rejects.toThrow(/2026-W47/);
  });
});
