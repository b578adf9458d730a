import { describe, expect, it } from 'vitest';
import { diffSites, formatDiff, isEmptyDiff } from '../../sites/diff.js';
import { parseDelimited } from '../../sites/parse.js';
import { validateBuildingFile } from '../../sites/validate.js';
import { csv, line } from './fixtures.js';

const rows = (lines: string[]) => validateBuildingFile(parseDelimited(csv(lines), ',')).rows;

describe('diffSites', () => {
  const before = rows([
    line({ ip: '10.1.0.0', range: 16, building: 'BER' }),
    line({ ip: '10.2.0.0', range: 16, building: 'MUC' }),
    line({ ip: '10.3.0.0', range: 16, building: 'HAM', city: 'Hamburg' }),
  ]);
  it('reports added, removed and changed networks and buildings', () => {
    const after = rows([
      line({ ip: '10.1.0.0', range: 16, building: 'BER' }),
      line({ ip: '10.3.0.0', range: 16, building: 'HAM', city: 'Altona', vpn: '1' }),
      line({ ip: '10.4.0.0', range: 16, building: 'FRA' }),
    ]);
    const d = diffSites(before, after);
    expect(d.networks.added.map((r) => r.network)).toEqual(['10.4.0.0']);
    expect(d.networks.removed.map((r) => r.network)).toEqual(['10.2.0.0']);
    expect(d.networks.changed.map((c) => c.changes)).toEqual([[{ field: 'city', from: 'Hamburg', to: 'Altona' }, { field: 'vpn', from: 'false', to: 'true' }]]);
    expect(d.buildings).toEqual({ added: ['FRA'], removed: ['MUC'], changed: [{ building: 'HAM', changes: [{ field: 'city', from: 'Hamburg', to: 'Altona' }] }] });
    expect(formatDiff(d).split('\n')[0]).toBe('networks: 1 added, 1 removed, 1 changed; buildings: 1 added, 1 removed, 1 changed');
    expect(formatDiff(d)).toContain('+ network 10.4.0.0/16 EMEA/DE/FRA (line 3)');
  });
  it('treats a different prefix as a different network, and the same file as no change', () => {
    expect(isEmptyDiff(diffSites(before, before))).toBe(true);
    const d = diffSites(before.slice(0, 1), rows([line({ ip: '10.1.0.0', range: 17, building: 'BER' })]));
    expect([d.networks.added.length, d.networks.removed.length, d.buildings.changed.length]).toEqual([1, 1, 0]);
  });
});
