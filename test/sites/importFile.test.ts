import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { FIRST_FILE_START, importBuildingFile } from '../../sites/importFile.js';
import { listFiles } from '../../sites/store.js';
import { csv, line, memoryDb, tempDir, writeTemp } from './fixtures.js';

let db: Db;
let dir: string;
const clock = fixedClock('2026-03-15T10:00:00Z');
const count = async (table: string) => (await db.query(`SELECT count(*)::INTEGER AS n FROM ${table}`, z.object({ n: z.number() })))[0]?.n;

beforeEach(async () => {
  db = await memoryDb();
  dir = tempDir();
});
afterEach(() => db.close());

const fileA = () => csv([line({ ip: '10.0.0.0', range: 8, building: 'SUPER' }), line({ ip: '10.1.0.0', range: 16, building: 'BER' }), line({ ip: '2001:db8:1::', range: 48, building: 'V6' })]);

describe('importBuildingFile', () => {
  it('stores files, networks (integer ranges) and segments', async () => {
    const path = writeTemp(dir, 'a.csv', fileA());
    const r = await importBuildingFile({ db, clock }, { path });
    expect(r).toMatchObject({ status: 'imported', fileId: 1, rows: 3, startDate: FIRST_FILE_START, endDate: null });
    const nets = await db.query(
      `SELECT line, family::INTEGER AS family, start_hi::VARCHAR AS sh, start_lo::VARCHAR AS sl, end_hi::VARCHAR AS eh, end_lo::VARCHAR AS el, site FROM sites.networks ORDER BY line`,
      z.object({ line: z.number(), family: z.number(), sh: z.string(), sl: z.string(), eh: z.string(), el: z.string(), site: z.string() }),
    );
    expect(nets[0]).toEqual({ line: 1, family: 4, sh: String(10 * 2 ** 24), sl: '0', eh: String(11 * 2 ** 24 - 1), el: '0', site: 'EMEA/DE/SUPER' });
    const hi = (0x20010db8n << 32n) | (1n << 16n);
    expect(nets[2]).toMatchObject({ family: 6, sh: String(hi), sl: '0', eh: String(hi | 0xffffn), el: String((1n << 64n) - 1n) });
    expect(await count('sites.segments')).toBe(4); // 10/8 split around 10.1/16, plus the IPv6 /48
  });

  it('re-importing the same file is a no-op', async () => {
    const path = writeTemp(dir, 'a.csv', fileA());
    await importBuildingFile({ db, clock }, { path });
    const again = await importBuildingFile({ db, clock }, { path });
    expect(again).toMatchObject({ status: 'unchanged', fileId: 1 });
    const withDates = await importBuildingFile({ db, clock }, { path, start: FIRST_FILE_START });
    expect(withDates.status).toBe('unchanged');
    expect(await count('sites.files')).toBe(1);
    expect(await count('sites.networks')).toBe(3);
  });

  it('a new version ends the open file the day before its start', async () => {
    await importBuildingFile({ db, clock }, { path: writeTemp(dir, 'a.csv', fileA()), start: '2026-01-01' });
    const b = await importBuildingFile({ db, clock }, { path: writeTemp(dir, 'b.csv', csv([line({ ip: '10.2.0.0', range: 16, building: 'MUC' })])), start: '2026-03-01' });
    expect(b).toMatchObject({ status: 'imported', fileId: 2, startDate: '2026-03-01' });
    const files = await listFiles(db);
    expect(files.map((f) => [f.file_id, f.start_date, f.end_date])).toEqual([
      [1, '2026-01-01', '2026-02-28'],
      [2, '2026-03-01', null],
    ]);
    // no --start on a later file: today
    const c = await importBuildingFile({ db, clock }, { path: writeTemp(dir, 'c.csv', csv([line({ ip: '10.3.0.0', range: 16 })])) });
    expect(c).toMatchObject({ startDate: '2026-03-15' });
  });

  it('a file with errors stores nothing and leaves the previous mapping untouched', async () => {
    await importBuildingFile({ db, clock }, { path: writeTemp(dir, 'a.csv', fileA()) });
    const before = await listFiles(db);
    const bad = writeTemp(dir, 'bad.csv', csv([line({ ip: '10.5.0.0', range: 16 }), line({ ip: '10.6.0.1', range: 16 }), line({ ip: '10.7.0.0', range: 16, vpn: 'x' })]));
    const r = await importBuildingFile({ db, clock }, { path: bad, start: '2026-04-01' });
    expect(r.status).toBe('rejected');
    if (r.status === 'rejected') expect(r.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['2:1', '3:1', '3:15']) // misaligned 10.6.0.1/16 also partially overlaps 10.7.0.0/16;
    expect(await listFiles(db)).toEqual(before);
    expect(await count('sites.networks')).toBe(3);
  });

  it('rolls back everything when the write fails midway', async () => {
    await importBuildingFile({ db, clock }, { path: writeTemp(dir, 'a.csv', fileA()), start: '2026-01-01' });
    // the last insert of the version (segments) now fails, after files and networks were written
    await db.exec(`CREATE OR REPLACE TABLE sites.segments (file_id INTEGER, family UTINYINT, seg_start UBIGINT, seg_end UBIGINT, line INTEGER CHECK (line < 0))`);
    await expect(importBuildingFile({ db, clock }, { path: writeTemp(dir, 'b.csv', csv([line({ ip: '10.2.0.0', range: 16 })])), start: '2026-03-01' })).rejects.toThrow();
    const files = await listFiles(db);
    expect(files.map((f) => [f.file_id, f.end_date])).toEqual([[1, null]]);
    expect(await count('sites.networks')).toBe(3);
  });
});
