/**
 * A small CSV reader for leaf tables (the `localize` command and the benchmarks): header row, comma separated,
 * double-quoted fields with "" escapes. Columns are picked by name; numbers must parse.
 */
import { looksLikeCounts, type LeafTable, type RateTable } from './leafTable.js';

export interface CsvColumns {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): CsvColumns {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const header = (rows.shift() ?? []).map((h) => h.trim());
  return { header, rows };
}

function column(csv: CsvColumns, name: string): number {
  const i = csv.header.indexOf(name);
  if (i < 0) throw new Error(`column '${name}' not in the CSV header (${csv.header.join(', ')})`);
  return i;
}

function numbers(csv: CsvColumns, name: string): Float64Array {
  const c = column(csv, name);
  return Float64Array.from(csv.rows, (r, i) => {
    const x = Number(r[c] ?? '');
    if (!Number.isFinite(x)) throw new Error(`column '${name}', data row ${i + 1}: '${r[c] ?? ''}' is not a number`);
    return x;
  });
}

function dims(csv: CsvColumns, names: string[]): string[][] {
  return names.map((d) => {
    const c = column(csv, d);
    return csv.rows.map((r) => r[c] ?? '');
  });
}

export function additiveTableFromCsv(csv: CsvColumns, attributes: string[], observed: string, expected: string, hierarchical?: boolean[]): LeafTable {
  const obs = numbers(csv, observed);
  return { attributes, values: dims(csv, attributes), hierarchical, observed: obs, expected: numbers(csv, expected), counts: looksLikeCounts(obs) };
}

export function rateTableFromCsv(
  csv: CsvColumns,
  attributes: string[],
  cols: { failures: string; attempts: string; baselineFailures: string; baselineAttempts: string },
  hierarchical?: boolean[],
): RateTable {
  return {
    attributes,
    values: dims(csv, attributes),
    hierarchical,
    failures: numbers(csv, cols.failures),
    attempts: numbers(csv, cols.attempts),
    baselineFailures: numbers(csv, cols.baselineFailures),
    baselineAttempts: numbers(csv, cols.baselineAttempts),
  };
}
