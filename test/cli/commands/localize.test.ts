import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localize } from '../../../cli/commands/localize.js';
import type { CommandContext } from '../../../cli/context.js';
import { fixedClock } from '../../../core/clock.js';
import { memoryLogger } from '../../../core/log.js';

function ctx(argv: string[], cwd: string): CommandContext & { out: string[] } {
  const out: string[] = [];
  return {
    argv,
    out,
    stdout: (t) => out.push(t),
    stderr: () => undefined,
    stdoutIsTTY: false,
    env: {},
    cwd,
    log: memoryLogger(),
    clock: fixedClock('2026-03-01T00:00:00Z'),
    config: () => {
      throw new Error('localize needs no config');
    },
    signal: new AbortController().signal,
  };
}

/** 3 x 4 x 5 leaves; a=a2&b=b3 is the root cause (observed 40% below expected). */
function additiveCsv(dir: string): string {
  const lines = ['real,predict,a,b,c'];
  let k = 0;
  for (let a = 1; a <= 3; a++)
    for (let b = 1; b <= 4; b++)
      for (let c = 1; c <= 5; c++) {
        const exp = 100 + 10 * a + 7 * b + c;
        const wobble = 1 + 0.004 * (((k++ * 37) % 11) - 5) / 5;
        lines.push(`${(exp * wobble * (a === 2 && b === 3 ? 0.6 : 1)).toFixed(3)},${exp},a${a},b${b},c${c}`);
      }
  const file = join(dir, 'additive.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Rate table: site paths; every EMEA/DE building fails 4x its baseline rate. */
function rateCsv(dir: string): string {
  const lines = ['site,sbc,f,n,bf,bn'];
  const sites = ['EMEA/DE/BER', 'EMEA/DE/MUC', 'EMEA/FR/PAR', 'AMER/US/NYC'];
  let k = 0;
  for (const s of sites)
    for (const sbc of ['s1', 's2', 's3']) {
      const n = 400;
      const base = 20 + ((k++ * 7) % 5);
      lines.push(`${s},${sbc},${s.startsWith('EMEA/DE/') ? base * 4 : base},${n},${base * 4},${n * 4}`);
    }
  const file = join(dir, 'rate.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('localize command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cqd-localize-'));

  it('prints the elements of an additive table as JSON', async () => {
    const c = ctx([additiveCsv(dir), '--dims', 'a,b,c', '--observed', 'real', '--expected', 'predict', '--format', 'json'], dir);
    expect(await localize(c)).toBe(0);
    expect(JSON.parse(c.out.join(''))).toEqual({ elements: [{ a: 'a2', b: 'b3' }], global_change: false });
  });

  it('runs the rate measure with hierarchical dimensions', async () => {
    const c = ctx(['rate.csv', '--dims', 'site,sbc', '--hier', 'site', '--failures', 'f', '--attempts', 'n', '--baseline-failures', 'bf', '--baseline-attempts', 'bn'], dir);
    rateCsv(dir);
    expect(await localize(c)).toBe(0);
    expect(JSON.parse(c.out.join('')).elements).toEqual([{ site: 'EMEA/DE' }]);
  });

  it('prints a table', async () => {
    const c = ctx([additiveCsv(dir), '--dims', 'a,b,c', '--observed', 'real', '--expected', 'predict', '--format', 'table'], dir);
    expect(await localize(c)).toBe(0);
    expect(c.out.join('')).toMatch(/a=a2&b=b3/);
  });

  it('rejects bad usage with a UsageError', async () => {
    await expect(localize(ctx(['nofile.csv', '--dims', 'a', '--observed', 'x', '--expected', 'y'], dir))).rejects.toThrow(/cannot read/);
    await expect(localize(ctx([additiveCsv(dir), '--dims', 'a,zz', '--observed', 'real', '--expected', 'predict'], dir))).rejects.toThrow(/column 'zz'/);
    await expect(localize(ctx([additiveCsv(dir), '--dims', 'a', '--observed', 'real'], dir))).rejects.toThrow(/go together/);
    await expect(localize(ctx([additiveCsv(dir), '--observed', 'real', '--expected', 'predict'], dir))).rejects.toThrow(/--dims/);
  });
});
