import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, normalizeConfig } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';

function dirWith(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cqd-cfg-'));
  writeFileSync(join(dir, name), text);
  return dir;
}

describe('config', () => {
  it('runs on defaults with no file', () => {
    const { config, file, dbPath } = loadConfig({ env: {}, cwd: '/nowhere' });
    expect(file).toBeUndefined();
    expect(dbPath).toBe('/nowhere/data/cqd-patterns.duckdb');
    expect(config.patterns.baselineDays).toBe(28);
    expect(config.vault.retentionDays).toBe(28);
  });

  it('takes the database path from --db, then env, then the file', () => {
    const dir = dirWith('cqd-patterns.yaml', 'database: from-file.duckdb\n');
    expect(loadConfig({ env: {}, cwd: dir }).dbPath).toBe(join(dir, 'from-file.duckdb'));
    expect(loadConfig({ env: { CQD_PATTERNS_DB: '/e.duckdb' }, cwd: dir }).dbPath).toBe('/e.duckdb');
    expect(loadConfig({ env: { CQD_PATTERNS_DB: '/e.duckdb' }, cwd: dir, db: 'flag.duckdb' }).dbPath).toBe(join(dir, 'flag.duckdb'));
  });

  it('fills ${ENV} placeholders', () => {
    const c = normalizeConfig({ graph: { tenantId: '${T}', clientSecret: 'x${S}y' } }, { T: 'tid', S: 'sec' });
    expect(c.graph.tenantId).toBe('tid');
    expect(c.graph.clientSecret).toBe('xsecy');
  });

  it('names the key and file of an unset variable', () => {
    const dir = dirWith('c.yaml', 'graph:\n  clientSecret: ${NOPE}\n');
    expect(() => loadConfig({ file: 'c.yaml', env: {}, cwd: dir })).toThrow(/c\.yaml: graph\.clientSecret: environment variable NOPE is not set/);
  });

  it('names the key of a bad type and gives exit code 2', () => {
    try {
      normalizeConfig({ graph: { concurrency: 'eight' } }, {}, 'my.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).exitCode).toBe(2);
      expect((e as Error).message).toMatch(/my\.yaml: graph\.concurrency:/);
    }
  });

  it('leaves DuckDB memory to DuckDB unless told, and names a malformed size', () => {
    expect(loadConfig({ env: {}, cwd: '/nowhere' }).config.memoryLimit).toBeUndefined();
    expect(normalizeConfig({ memoryLimit: '512MB' }, {}).memoryLimit).toBe('512MB');
    expect(() => normalizeConfig({ memoryLimit: 'lots' }, {}, 'f.yaml')).toThrow(/f\.yaml: memoryLimit: .*3GB/);
  });

  it('refuses unknown keys, naming them', () => {
    expect(() => normalizeConfig({ patterns: { minUser: 3 } }, {}, 'f.yaml')).toThrow(/f\.yaml: patterns: .*minUser/);
  });

  it('reports a missing required value inside a list', () => {
    expect(() => normalizeConfig({ patterns: { dims: ['site', 'building'] } }, {}, 'f.json')).toThrow(/f\.json: patterns\.dims\.1/);
  });

  it('says when a named config file does not exist', () => {
    expect(() => loadConfig({ file: 'missing.yaml', env: {}, cwd: '/tmp' })).toThrow(/config file not found/);
  });
});
