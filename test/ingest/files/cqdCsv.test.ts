import { describe, expect, it } from 'vitest';
import { CQD_TABLE } from '../../../ingest/files/cqdColumns.js';
import { mapCqdCsv } from '../../../ingest/files/cqdCsv.js';
import { createPseudonymizer } from '../../../ingest/pseudonymizer.js';
import { csvText } from './tacFixtures.js';

const key = Buffer.alloc(32, 2);
const ctx = () => ({ p: createPseudonymizer(key), key, runId: 'r', ingestedAt: '2026-11-20T00:00:00.000Z', fileName: 'q.csv' });
const col = (row: readonly unknown[] | undefined, name: string) => row?.[CQD_TABLE.findIndex(([n]) => n === name)];

describe('mapCqdCsv', () => {
  it('matches CQD names with or without the data-API prefix, in any case, and lists the columns it ignores', () => {
    const text = csvText(['allstreams.SECOND  subnet', 'Measures.Avg Jitter', 'Second Wifi Channel', 'Date'], [['10.1.2.0', '12.5', '6', '2026-11-18']]);
    const r = mapCqdCsv(text, 'q.csv', ctx());
    if (!r.ok) throw new Error(r.reason);
    expect(col(r.rows[0], 'second_subnet')).toBe('10.1.2.0');
    expect(col(r.rows[0], 'avg_jitter')).toBe(12.5);
    expect(col(r.rows[0], 'cqd_date')).toBe('2026-11-18');
    expect(r.ignored).toEqual(['Second Wifi Channel']);
  });

  it('gives the same row the same keyed hash, and a different row another', () => {
    const text = csvText(['Second Subnet', 'Total Stream Count'], [['10.1.2.0', '3'], ['10.1.3.0', '3']]);
    const a = mapCqdCsv(text, 'q.csv', ctx());
    const b = mapCqdCsv(text, 'q.csv', ctx());
    if (!a.ok || !b.ok) throw new Error('parse');
    expect(col(a.rows[0], 'row_hash')).toMatch(/^[0-9a-f]{32}$/);
    expect(a.rows.map((r) => col(r, 'row_hash'))).toEqual(b.rows.map((r) => col(r, 'row_hash')));
    expect(col(a.rows[0], 'row_hash')).not.toBe(col(a.rows[1], 'row_hash'));
  });

  it('rejects a row whose start time or measure does not parse, by line, without its values', () => {
    const text = csvText(['Start Time', 'Second Phone Number', 'Total Call Count'], [['not a time', '+4930999', '1'], ['2026-11-18T09:00:00Z', '+4930999', '2']]);
    const r = mapCqdCsv(text, 'q.csv', ctx());
    if (!r.ok) throw new Error(r.reason);
    expect(r.rejects.map((x) => [x.position, x.reason])).toEqual([['line 2', 'Start Time: not a date-time']]);
    expect(col(r.rows[0], 'second_phone_p')).toMatch(/^ph_/);
    expect(col(r.rows[0], 'start_ts')).toBe('2026-11-18T09:00:00.000Z');
    expect(JSON.stringify(r.rejects.map((x) => x.reason))).not.toContain('4930');
  });
});
