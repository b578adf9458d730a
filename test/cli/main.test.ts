import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type MainIO } from '../../cli/main.js';

function io(cwd: string, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const x: MainIO = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), stdoutIsTTY: false, stderrIsTTY: false, env, cwd, signal: new AbortController().signal };
  return { x, out, err };
}

describe('cli main', () => {
  it('exits 2 on an unknown command and prints usage', async () => {
    const { x, err } = io('/tmp');
    expect(await main(['frobnicate'], x)).toBe(2);
    expect(err.join('')).toMatch(/unknown command 'frobnicate'/);
  });

  it('exits 2 on an unknown flag', async () => {
    const { x, err } = io('/tmp');
    expect(await main(['build', '--bogus'], x)).toBe(2);
    expect(err.join('')).toMatch(/bogus/);
  });

  it('exits 2 naming the key when the config is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqd-cli-'));
    writeFileSync(join(dir, 'cqd-patterns.yaml'), 'ingest:\n  trailingHours: lots\n');
    const { x, err } = io(dir);
    expect(await main(['doctor', '--offline'], x)).toBe(2);
    expect(err.join('')).toMatch(/cqd-patterns\.yaml: ingest\.trailingHours/);
  });

  it('doctor on a fresh database reports every source as never captured, and says where the keys are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqd-cli-'));
    const { x, out } = io(dir);
    const code = await main(['doctor', '--offline', '--db', join(dir, 'd.duckdb'), '--now', '2026-11-20T00:00:00Z'], x);
    const text = out.join('');
    expect(text).toMatch(/vault keys: from .*d\.duckdb\.keys\.json/);
    expect(text).toMatch(/callRecords .*captured until never/);
    expect(code).toBe(1);
  });
});
