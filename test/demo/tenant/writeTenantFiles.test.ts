import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTenant, writeTenantFiles } from '../../../demo/tenant/index.js';
import { pageSchema } from '../../../ingest/graph/schemas.js';

const dir = mkdtempSync(join(tmpdir(), 'cqd-tenant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeTenantFiles', () => {
  const t = generateTenant({ seed: 11, users: 60, days: 10 });
  writeTenantFiles(t, dir);

  it('writes the building file and the ground truth', () => {
    expect(readFileSync(join(dir, 'buildings.csv'), 'utf8')).toBe(t.buildingFile);
    const truth: unknown = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
    expect(truth).toEqual(JSON.parse(JSON.stringify({ tenantId: t.tenantId, options: t.options, incidents: t.incidents })));
  });

  it.each([
    ['callRecords', t.callRecords],
    ['directRoutingCalls', t.directRoutingCalls],
    ['pstnCalls', t.pstnCalls],
    ['signIns', t.signIns],
  ] as const)('writes %s as parseable {"value":[...]} pages holding every row', (name, rows) => {
    const files = readdirSync(join(dir, name)).sort();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^page-\d{4}\.json$/);
    const values = files.flatMap((f) => pageSchema.parse(JSON.parse(readFileSync(join(dir, name, f), 'utf8'))).value);
    expect(JSON.stringify(values)).toBe(JSON.stringify(rows));
  });
});
