import { describe, expect, it } from 'vitest';
import { cellText, formatCsv, formatJson, formatNdjson, formatTable, jsonValue } from '../../../cli/sql/format.js';
import type { SqlResult } from '../../../cli/sql/result.js';

const r: SqlResult = {
  columns: ['name', 'n', 'big', 'day', 'ts', 'note'],
  types: ['VARCHAR', 'INTEGER', 'BIGINT', 'DATE', 'TIMESTAMP WITH TIME ZONE', 'VARCHAR'],
  rows: [
    ['EMEA/DE/BER-HQ', 5, 12n, new Date('2026-11-20T00:00:00Z'), new Date('2026-11-20T10:11:12.5Z'), 'say "hi", ok'],
    ['x', 12345, 2n ** 62n, null, null, null],
  ],
};

describe('jsonValue', () => {
  it('turns bigint into a number when safe, else a string; dates into ISO; TIME into clock text', () => {
    expect(jsonValue(12n)).toBe(12);
    expect(jsonValue(2n ** 62n)).toBe('4611686018427387904');
    expect(jsonValue(new Date('2026-11-20T00:00:00Z'), 'DATE')).toBe('2026-11-20');
    expect(jsonValue(new Date('2026-11-20T10:00:00Z'))).toBe('2026-11-20T10:00:00.000Z');
    expect(jsonValue(36_000_000_000n, 'TIME')).toBe('10:00:00');
    expect(jsonValue({ a: [1n, null] })).toEqual({ a: [1, null] });
    expect(jsonValue(Number.NaN)).toBe('NaN');
    expect(cellText(new Uint8Array([1, 2]))).toBe('AQI=');
  });
});

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers, shows NULL and the row count', () => {
    expect(formatTable(r)).toBe(
      [
        'name           | n     | big                 | day        | ts                       | note',
        '---------------+-------+---------------------+------------+--------------------------+-------------',
        'EMEA/DE/BER-HQ |     5 |                  12 | 2026-11-20 | 2026-11-20T10:11:12.500Z | say "hi", ok',
        'x              | 12345 | 4611686018427387904 | NULL       | NULL                     | NULL',
        '(2 rows)',
        '',
      ].join('\n'),
    );
  });
  it('truncates wide cells and flattens newlines', () => {
    const t = formatTable({ columns: ['c'], types: ['VARCHAR'], rows: [['a'.repeat(50)], ['x\ny']] }, { maxWidth: 10 });
    expect(t).toContain(`${'a'.repeat(9)}…`);
    expect(t).toContain('x y');
  });
});

describe('CSV / JSON / NDJSON', () => {
  it('quotes CSV per RFC 4180 and leaves NULL empty', () => {
    expect(formatCsv(r)).toBe(
      'name,n,big,day,ts,note\r\nEMEA/DE/BER-HQ,5,12,2026-11-20,2026-11-20T10:11:12.500Z,"say ""hi"", ok"\r\nx,12345,4611686018427387904,,,\r\n',
    );
  });
  it('JSON and NDJSON carry the same objects', () => {
    const objs = JSON.parse(formatJson(r)) as unknown[];
    const lines = formatNdjson(r)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual(objs);
    expect(objs[1]).toEqual({ name: 'x', n: 12345, big: '4611686018427387904', day: null, ts: null, note: null });
  });
});
