/**
 * The failure predicate of a pattern run: 'auth' (auth_linked), 'any' (is_failure) or a boolean SQL expression over
 * the columns of marts.setup_attempts, e.g. "final_sip_code IN (401, 407) AND layer = 'direct_routing'".
 *
 * An expression cannot be a bound parameter, so it is spliced into the query text; it is made safe by a whitelist
 * tokenizer, not by escaping: the only tokens allowed are the attempts' column names, string/number literals,
 * comparison/arithmetic operators, parentheses, commas, a closed list of keywords (AND OR NOT IN IS NULL LIKE ILIKE
 * BETWEEN TRUE FALSE CASE WHEN THEN ELSE END) and a closed list of pure scalar functions. There is no ';', no comment,
 * no quoted identifier, no SELECT/FROM (so no subquery and no table or file function) and no unknown identifier,
 * so the text can only ever be one scalar expression evaluated per attempt row. It is then wrapped as
 * coalesce((expr), false) and type-checked by DuckDB as BOOLEAN before any data is read.
 */
import { UsageError } from '../../core/errors.js';

export const ATTEMPT_COLUMNS = [
  'attempt_id', 'source', 'attempt_ts', 'day', 'user_p', 'site', 'site_region', 'site_country', 'site_building', 'site_subnet',
  'site_match', 'sbc', 'client_build', 'client_family', 'client_platform', 'client_version', 'carrier_path', 'carrier',
  'dest_country', 'direction', 'call_type', 'outcome', 'is_failure', 'failure_stage', 'final_sip_code', 'ms_code',
  'failure_origin', 'layer', 'auth_linked', 'sign_in_error_code', 'attributed',
] as const;

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'null', 'like', 'ilike', 'between', 'true', 'false', 'case', 'when', 'then', 'else', 'end']);
const FUNCTIONS = new Set(['lower', 'upper', 'coalesce', 'starts_with', 'ends_with', 'contains', 'length', 'abs', 'floor', 'substr', 'cast', 'regexp_matches']);
const TYPES = new Set(['integer', 'bigint', 'varchar', 'double', 'boolean', 'date']);
const COLUMNS = new Set<string>(ATTEMPT_COLUMNS);

const TOKEN = /\s+|'(?:[^']|'')*'|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|<>|!=|<=|>=|::|[=<>+\-*/%(),]/y;

/** SQL boolean expression for a --failure value; throws UsageError naming the offending token. */
export function failurePredicateSql(failure: string): string {
  if (failure === 'auth') return 'coalesce(auth_linked, false)';
  if (failure === 'any') return 'coalesce(is_failure, false)';
  const text = failure.trim();
  if (text === '') throw new UsageError('--failure: empty predicate');
  if (text.length > 1000) throw new UsageError('--failure: predicate longer than 1000 characters');
  if (/;|--|\/\*|\*\/|"/.test(text)) throw new UsageError('--failure: the predicate may not contain ;, comments or quoted identifiers');
  let depth = 0;
  let pos = 0;
  let prevWasCast = false;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m || m.index !== pos) throw new UsageError(`--failure: unexpected text at position ${pos + 1}: '${text.slice(pos, pos + 12)}'`);
    const tok = m[0];
    pos += tok.length;
    if (/^\s+$/.test(tok)) continue;
    if (tok === '(') depth++;
    if (tok === ')' && --depth < 0) throw new UsageError('--failure: unbalanced parentheses');
    if (/^[A-Za-z_]/.test(tok)) {
      const low = tok.toLowerCase();
      const ok = COLUMNS.has(low) || KEYWORDS.has(low) || (FUNCTIONS.has(low) && nextNonSpace(text, pos) === '(') || (TYPES.has(low) && prevWasCast) || low === 'as';
      if (!ok) throw new UsageError(`--failure: '${tok}' is not a column of marts.setup_attempts nor an allowed keyword or function`);
    }
    prevWasCast = tok === '::' || tok.toLowerCase() === 'as';
  }
  if (depth !== 0) throw new UsageError('--failure: unbalanced parentheses');
  return `coalesce((${text}), false)`;
}

function nextNonSpace(text: string, pos: number): string {
  const rest = text.slice(pos).trimStart();
  return rest[0] ?? '';
}
