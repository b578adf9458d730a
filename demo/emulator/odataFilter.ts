/**
 * The small $filter subset Graph supports on the emulated collections: comparisons of one date field
 * (ge, gt, le, lt) joined by `and`, plus an optional `field/any(v: v eq 'x' [or v eq 'y'])` lambda.
 * Anything else is refused (the caller answers 400), as Graph refuses unsupported filters.
 */
import { parseDateLiteral } from './replies.js';

export interface DateBounds {
  /** Inclusive lower bound in ms (-Infinity when absent). */
  minMs: number;
  /** Exclusive upper bound in ms (+Infinity when absent). */
  maxExclusiveMs: number;
}

export interface ParsedFilter {
  bounds: DateBounds;
  anyOf?: { field: string; values: string[] };
}

export type FilterResult = { ok: true; filter: ParsedFilter } | { ok: false; message: string };

const COMPARISON = /^([A-Za-z_][\w/]*)\s+(ge|gt|le|lt|eq|ne)\s+(.+)$/i;
const LAMBDA = /^([A-Za-z_]\w*)\/any\(\s*([A-Za-z_]\w*)\s*:\s*(.+)\)$/i;

/** Split on top-level ` and ` (outside parentheses and quotes). */
function splitAnd(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && /\s/.test(c ?? '')) {
      const m = /^\s+and\s+/i.exec(text.slice(i));
      if (m) {
        parts.push(text.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function applyComparison(bounds: DateBounds, op: string, ms: number): void {
  // Millisecond resolution: `gt x` is `ge x+1ms`, `le x` is `lt x+1ms`.
  if (op === 'ge') bounds.minMs = Math.max(bounds.minMs, ms);
  else if (op === 'gt') bounds.minMs = Math.max(bounds.minMs, ms + 1);
  else if (op === 'lt') bounds.maxExclusiveMs = Math.min(bounds.maxExclusiveMs, ms);
  else bounds.maxExclusiveMs = Math.min(bounds.maxExclusiveMs, ms + 1);
}

/**
 * Parse `text` allowing comparisons on `dateField` and, when `lambdaField` is given, one any() lambda
 * on that field.
 */
export function parseFilter(text: string, dateField: string, lambdaField?: string): FilterResult {
  const bounds: DateBounds = { minMs: -Infinity, maxExclusiveMs: Infinity };
  const filter: ParsedFilter = { bounds };
  if (text.trim() === '') return { ok: false, message: 'empty $filter' };
  for (const clause of splitAnd(text.trim())) {
    const lambda = LAMBDA.exec(clause);
    if (lambda) {
      const [, field, variable, body] = lambda;
      if (lambdaField === undefined || field !== lambdaField || filter.anyOf) return { ok: false, message: `unsupported filter clause: ${field}/any(...)` };
      const values: string[] = [];
      for (const alt of (body ?? '').split(/\s+or\s+/i)) {
        const m = /^([A-Za-z_]\w*)\s+eq\s+'([^']*)'$/.exec(alt.trim());
        if (!m || m[1] !== variable) return { ok: false, message: `unsupported lambda body in ${field}/any(...)` };
        values.push(m[2] ?? '');
      }
      filter.anyOf = { field: lambdaField, values };
      continue;
    }
    const cmp = COMPARISON.exec(clause);
    if (!cmp) return { ok: false, message: 'invalid filter clause' };
    const [, field, rawOp, literal] = cmp;
    const op = (rawOp ?? '').toLowerCase();
    if (field !== dateField) return { ok: false, message: `filtering on ${field} is not supported` };
    if (op === 'eq' || op === 'ne') return { ok: false, message: `operator ${op} is not supported on ${field}` };
    const ms = parseDateLiteral(literal ?? '');
    if (ms === undefined) return { ok: false, message: `not a DateTimeOffset literal in clause on ${field}` };
    applyComparison(bounds, op, ms);
  }
  return { ok: true, filter };
}
