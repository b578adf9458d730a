import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../ingest/files/parseCsv.js';

describe('parseCsv (RFC 4180)', () => {
  it('drops a BOM, reads quoted commas, doubled quotes, line breaks in quotes and CRLF, and numbers lines', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y",3\r\n"he said ""hi""","two\nlines",z\r\n\r\nlast,,\n';
    const r = parseCsv(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.header).toEqual(['a', 'b', 'c']);
    expect(r.records).toEqual([
      { line: 2, fields: ['1', 'x, y', '3'] },
      { line: 3, fields: ['he said "hi"', 'two\nlines', 'z'] },
      { line: 6, fields: ['last', '', ''] },
    ]);
  });

  it('reads a last record without a line break', () => {
    const r = parseCsv('a,b\n1,2');
    expect(r.ok && r.records).toEqual([{ line: 2, fields: ['1', '2'] }]);
  });

  it('refuses an unterminated quote and an empty file', () => {
    expect(parseCsv('a,b\n"1,2\n3,4\n')).toEqual({ ok: false, reason: 'unterminated quoted field starting on line 2' });
    expect(parseCsv('')).toMatchObject({ ok: false, reason: expect.stringMatching(/empty file/) });
  });
});
