/**
 * Writes a generated tenant as files, for offline-import tests and the demo:
 *   <dir>/buildings.csv           CQD building file (15 columns, no header)
 *   <dir>/ground-truth.json       { tenantId, options, incidents }
 *   <dir>/callRecords/page-0001.json, directRoutingCalls/…, pstnCalls/…, signIns/…   Graph pages {"value":[...]}
 * Each file is written to a temporary name and renamed into place.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../../core/atomicWrite.js';
import type { Tenant } from './types.js';

/** Rows per saved page: call records as a list of expanded records, the others at Graph's 1,000-row page size. */
export const PAGE_SIZES = { callRecords: 100, directRoutingCalls: 1000, pstnCalls: 1000, signIns: 1000 } as const;

function writePages(dir: string, rows: readonly unknown[], size: number): void {
  mkdirSync(dir, { recursive: true });
  const pages = Math.max(1, Math.ceil(rows.length / size));
  for (let p = 0; p < pages; p++) {
    const name = `page-${String(p + 1).padStart(4, '0')}.json`;
    atomicWrite(join(dir, name), JSON.stringify({ value: rows.slice(p * size, (p + 1) * size) }));
  }
}

export function writeTenantFiles(t: Tenant, dir: string): void {
  mkdirSync(dir, { recursive: true });
  atomicWrite(join(dir, 'buildings.csv'), t.buildingFile);
  atomicWrite(join(dir, 'ground-truth.json'), JSON.stringify({ tenantId: t.tenantId, options: t.options, incidents: t.incidents }, null, 2) + '\n');
  writePages(join(dir, 'callRecords'), t.callRecords, PAGE_SIZES.callRecords);
  writePages(join(dir, 'directRoutingCalls'), t.directRoutingCalls, PAGE_SIZES.directRoutingCalls);
  writePages(join(dir, 'pstnCalls'), t.pstnCalls, PAGE_SIZES.pstnCalls);
  writePages(join(dir, 'signIns'), t.signIns, PAGE_SIZES.signIns);
}
