import { describe, expect, it } from 'vitest';
import { cuboidKeys, decodeKey, encodeLevels, enumerateCuboids } from '../../../transform/patterns/cuboids.js';
import { parseCsv } from '../../../transform/patterns/csvTable.js';

describe('cuboids', () => {
  const t = {
    attributes: ['site', 'sbc'],
    values: [['EMEA/DE/BER', 'EMEA/FR/PAR', 'unmapped:10.1.0.0'], ['s1', 's1', 's2']],
    hierarchical: [true, false],
    observed: new Float64Array(3),
    expected: new Float64Array(3),
    counts: true,
  };
  it('expands hierarchical values to every level; short paths stop at their depth', () => {
    const lv = encodeLevels(t);
    expect(lv[0]?.dicts).toEqual([['EMEA', 'unmapped:10.1.0.0'], ['EMEA/DE', 'EMEA/FR'], ['EMEA/DE/BER', 'EMEA/FR/PAR']]);
    expect([...(lv[0]?.codes[1] ?? [])]).toEqual([0, 1, -1]);
  });
  it('enumerates cuboids by depth, attribute order, then coarser level, and decodes keys', () => {
    const lv = encodeLevels(t);
    const cubs = enumerateCuboids(lv, 2);
    expect(cubs.map((c) => c.levels.join(''))).toEqual(['10', '20', '30', '01', '11', '21', '31']);
    const c = cubs[5];
    if (!c) throw new Error('no cuboid');
    const keys = cuboidKeys(lv, c, 3);
    expect(decodeKey(lv, c, keys[1] ?? 0, t.attributes)).toEqual({ site: 'EMEA/FR', sbc: 's1' });
    expect(keys[2]).toBe(-1);
  });
  it('parses quoted CSV fields', () => {
    expect(parseCsv('a,b\n"x,1","say ""hi"""\r\n2,3\n')).toEqual({ header: ['a', 'b'], rows: [['x,1', 'say "hi"'], ['2', '3']] });
  });
});
