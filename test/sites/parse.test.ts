import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseBuildingFile, parseDelimited } from '../../sites/parse.js';

describe('parseDelimited', () => {
  it('keeps line numbers, skips blank lines, handles CRLF and a BOM', () => {
    const recs = parseDelimited('\ufeffa,b\r\n\r\nc,d\n', ',');
    expect(recs).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['c', 'd'] },
    ]);
  });
  it('handles quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const recs = parseDelimited('"x, y","say ""hi""",z\n"multi\nline",2\nlast,"",\n', ',');
    expect(recs).toEqual([
      { line: 1, fields: ['x, y', 'say "hi"', 'z'] },
      { line: 2, fields: ['multi\nline', '2'] },
      { line: 4, fields: ['last', '', ''] },
    ]);
  });
  it('trims unquoted fields and keeps empty fields', () => {
    expect(parseDelimited(' a , ,c', ',')).toEqual([{ line: 1, fields: ['a', '', 'c'] }]);
  });
  it('splits TSV on tabs only', () => {
    expect(parseDelimited('a,b\tc\n', '\t')).toEqual([{ line: 1, fields: ['a,b', 'c'] }]);
  });
});

describe('detectDelimiter', () => {
  it('uses the extension, else sniffs the first line', () => {
    expect(detectDelimiter('x.tsv', 'a,b')).toBe('\t');
    expect(detectDelimiter('x.csv', 'a\tb')).toBe(',');
    expect(detectDelimiter('x.txt', 'a\tb\tc')).toBe('\t');
    expect(detectDelimiter('x.txt', 'a,b')).toBe(',');
  });
  it('parses a TSV building file', () => {
    const { delimiter, records } = parseBuildingFile('10.0.0.0\tn\t24\tB\n', 'b.tsv');
    expect(delimiter).toBe('\t');
    expect(records[0]?.fields).toEqual(['10.0.0.0', 'n', '24', 'B']);
  });
});
