/** Split SQL text into statements at ';' outside strings, quoted names and comments (pure). */

export interface Split {
  /** Complete statements, trimmed, without the final ';'. */
  statements: string[];
  /** Text after the last ';' (an unfinished statement, or only whitespace/comments). */
  rest: string;
}

export function splitStatements(text: string): Split {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n) {
        if (text[j] === c) {
          if (text[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
    } else if (c === '$') {
      const m = /^\$([A-Za-z_]\w*)?\$/.exec(text.slice(i));
      if (m) {
        const end = text.indexOf(m[0], i + m[0].length);
        i = end < 0 ? n : end + m[0].length;
      } else i++;
    } else if (c === ';') {
      const s = text.slice(start, i).trim();
      if (s && !isOnlyComments(s)) statements.push(s);
      start = i + 1;
      i++;
    } else i++;
  }
  return { statements, rest: text.slice(start) };
}

/** Drop comments (outside strings, good enough for the checks below) and trim. */
export function stripComments(sql: string): string {
  return sql
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/--[^\n]*/g, ' ')
    .trim();
}

export function isOnlyComments(sql: string): boolean {
  return stripComments(sql) === '';
}

/** All statements of a script, including a last one without ';'. */
export function scriptStatements(text: string): string[] {
  const { statements, rest } = splitStatements(text);
  const last = rest.trim();
  return last && !isOnlyComments(last) ? [...statements, last] : statements;
}

const ROW_QUERY = /^\(*\s*(SELECT|WITH|FROM|VALUES|TABLE)\b/i;

/** Whether a statement is a query that can be wrapped in a subquery (so DuckDB stops after the limit). */
export function isRowQuery(sql: string): boolean {
  return ROW_QUERY.test(stripComments(sql));
}

/** Wrap a query so it returns at most limit+1 rows (the extra one tells that more exist). */
export function limitQuery(sql: string, limit: number): string {
  return isRowQuery(sql) ? `SELECT * FROM (\n${sql}\n) LIMIT ${limit + 1}` : sql;
}
