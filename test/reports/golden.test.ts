import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedPath, expectGolden, GOLDEN_DIR } from './golden.js';

describe('golden workflow', () => {
  it('names the changed file beside the golden', () => {
    expect(changedPath('/a/b/weekly-2026-W47.md')).toBe('/a/b/weekly-2026-W47-changed.md');
    expect(changedPath('/a/b/layer-origin.vl.json')).toBe('/a/b/layer-origin-changed.vl.json');
  });

  it('a mismatch writes <name>-changed and fails; a missing golden fails in CI', () => {
    const name = `tmp-${process.pid}/probe.txt`;
    const dir = join(GOLDEN_DIR, `tmp-${process.pid}`);
    try {
      expect(() => expectGolden(name, 'one\n', { CI: 'true' })).toThrow(/missing/);
      expectGolden(name, 'one\n', {});
      expect(readFileSync(join(GOLDEN_DIR, name), 'utf8')).toBe('one\n');
      expect(() => expectGolden(name, 'two\n', {})).toThrow(/differs/);
      expect(readFileSync(join(dir, 'probe-changed.txt'), 'utf8')).toBe('two\n');
      expectGolden(name, 'one\n', {});
      expect(existsSync(join(dir, 'probe-changed.txt'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(mkdtempSync(join(tmpdir(), 'x'))).toBeTruthy();
  });
});
