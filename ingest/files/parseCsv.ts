/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside is doubled), quoted
 * fields may hold commas and line breaks, records end in CRLF or LF. A leading UTF-8 BOM is dropped
 * (Excel and the Teams admin center write one). The first record is the header.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; reason: string };

export function parseCsv(text: string): CsvParse {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let startLine = 1;
  let i = 0;
  let quoted = false;
  let quoteStartLine = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line (one empty field) is skipped, as spreadsheet tools do.
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: startLine, fields });
    fields = [];
    field = '';
  };
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteStartLine = line;
      i++;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      startLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) return { ok: false, reason: `unterminated quoted field starting on line ${quoteStartLine}` };
  if (field !== '' || fields.length > 0) endRecord();
  const [head, ...records] = out;
  if (!head) return { ok: false, reason: 'empty file (no header row)' };
  return { ok: true, header: head.fields.map((h) => h.trim()), records };
}

/** Header names compared case- and space-insensitively. */
export function headerKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
