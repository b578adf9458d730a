/**
 * Golden files under test/golden/reports with the *-changed.* workflow: a mismatch writes
 * `<name>-changed.<ext>` beside the golden and fails; a missing golden is written outside CI and fails in CI.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'reports');

export function changedPath(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.indexOf('.', slash + 1);
  return dot < 0 ? `${path}-changed` : `${path.slice(0, dot)}-changed${path.slice(dot)}`;
}

export function expectGolden(name: string, actual: string, env: Record<string, string | undefined> = process.env): void {
  const path = join(GOLDEN_DIR, name);
  const changed = changedPath(path);
  if (!existsSync(path)) {
    if (env['CI']) expect.fail(`golden file ${name} is missing (golden files are never written in CI)`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`${name} differs from its golden file; see ${changed} (replace the golden if the change is intended)`);
}
