import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type MainIO } from '../../../cli/main.js';

describe('cqd-patterns demo (small)', () => {
  it('generates, serves, ingests through the Graph client, builds, finds patterns and writes the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqd-demo-'));
    const out: string[] = [];
    const err: string[] = [];
    const io: MainIO = {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env: {},
      cwd: dir,
      signal: new AbortController().signal,
    };
    const code = await main(['demo', '--users', '120', '--days', '14', '--seed', '5'], io);
    const text = out.join('');
    expect(code, err.join('').slice(-2000)).toBe(0);
    expect(text).toMatch(/captured through the local Graph emulator in 2 daemon runs \(\d+ HTTP requests\)/);
    expect(text).toMatch(/callRecords\s+\d+ item\(s\) fetched/);
    expect(text).toMatch(/callRecords +retention 30d +captured until 2026-11-23T00:00:00Z/);
    expect(text).toMatch(/marts\.setup_attempts: \d+ attempts/);
    expect(text).toMatch(/ground truth check/);
    const report = /weekly report: (\S+)/.exec(text)?.[1];
    expect(report && existsSync(report)).toBe(true);
    expect(existsSync(join(dir, 'data', 'analytics.duckdb'))).toBe(true);
    const truth = JSON.parse(readFileSync(join(dir, 'data', 'demo-tenant', 'ground-truth.json'), 'utf8')) as { incidents: unknown[] };
    expect(truth.incidents.length).toBeGreaterThanOrEqual(6);
    // Progress went to stderr, and no clear UPN leaked into what the demo printed.
    expect(err.join('')).toMatch(/daemon run at/);
    expect(text + err.join('')).not.toMatch(/@contoso\.com/);
  }, 600_000);
});
