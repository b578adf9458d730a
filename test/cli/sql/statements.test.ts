import { describe, expect, it } from 'vitest';
import { isRowQuery, limitQuery, scriptStatements, splitStatements } from '../../../cli/sql/statements.js';

describe('splitStatements', () => {
  it('splits at ; outside strings, quoted names, comments and dollar quotes', () => {
    const text = `SELECT 'a;b' AS "x;y"; -- c;d\nSELECT 2 /* e;f */; SELECT $$g;h$$;\nSELECT 4`;
    const s = splitStatements(text);
    expect(s.statements).toEqual([`SELECT 'a;b' AS "x;y"`, '-- c;d\nSELECT 2 /* e;f */', 'SELECT $$g;h$$']);
    expect(s.rest.trim()).toBe('SELECT 4');
    expect(scriptStatements(text)).toHaveLength(4);
  });
  it('handles doubled quotes and skips empty / comment-only statements', () => {
    expect(splitStatements(`SELECT 'it''s;'; ;; -- only\n;`).statements).toEqual([`SELECT 'it''s;'`]);
    expect(scriptStatements('-- nothing here')).toEqual([]);
  });
});

describe('limitQuery', () => {
  it('wraps queries so DuckDB stops after limit+1 rows, and leaves other statements alone', () => {
    expect(limitQuery('SELECT 1', 10)).toBe('SELECT * FROM (\nSELECT 1\n) LIMIT 11');
    expect(isRowQuery('-- c\nWITH a AS (SELECT 1) SELECT * FROM a')).toBe(true);
    expect(isRowQuery('FROM marts.setup_attempts')).toBe(true);
    expect(limitQuery('DESCRIBE marts.setup_attempts', 10)).toBe('DESCRIBE marts.setup_attempts');
    expect(limitQuery('PRAGMA show_tables', 10)).toBe('PRAGMA show_tables');
  });
});
