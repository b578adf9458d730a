/**
 * CQD building data file → records with their line numbers. CSV (comma) or TSV (tab), no header,
 * RFC 4180 quoting ("a,b", "say ""hi""", quoted line breaks), CRLF or LF, optional UTF-8 BOM.
 * Blank lines are skipped. Typing and checking happen in validate.ts.
 */
export const BUILDING_COLUMNS = [
  'NetworkIP',
  'NetworkName',
  'NetworkRange',
  'BuildingName',
  'OwnershipType',
  'BuildingType',
  'BuildingOfficeType',
  'City',
  'ZipCode',
  'Country',
  'State',
  'Region',
  'InsideCorp',
  'ExpressRoute',
  'VPN',
] as const;

export type Delimiter = ',' | '\t';

export interface FileRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

/** Tab for .tsv, comma for .csv; otherwise sniff the first line (a tab and no comma → TSV). */
export function detectDelimiter(fileName: string, text: string): Delimiter {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return '\t';
  if (lower.endsWith('.csv')) return ',';
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

/** Split delimited text into records. Unquoted fields are trimmed; quoted fields are kept as written. */
export function parseDelimited(input: string, delimiter: Delimiter): FileRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!text.includes('"')) {
    // Fast path (no quoting anywhere): one split per line.
    const out: FileRecord[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const l = (lines[i] ?? '').replaceAll('\r', '');
      if (l.trim() === '') continue;
      out.push({ line: i + 1, fields: l.split(delimiter).map((f) => f.trim()) });
    }
    return out;
  }
  return parseQuoted(text, delimiter);
}

function parseQuoted(text: string, delimiter: Delimiter): FileRecord[] {
  const out: FileRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let i = 0;
  const endField = () => {
    fields.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      inQuotes = true;
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      endField();
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else if (!(quoted && (c === ' ' || c === '\t'))) {
      field += c;
    }
    i++;
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return out;
}

/** Parse a building file's text, choosing the delimiter from the file name or content. */
export function parseBuildingFile(text: string, fileName: string): { delimiter: Delimiter; records: FileRecord[] } {
  const delimiter = detectDelimiter(fileName, text);
  return { delimiter, records: parseDelimited(text, delimiter) };
}
