/**
 * Label matchers in Alertmanager's vocabulary, used by silences and by rule dimension filters.
 *
 *   name=~regex   anchored regular-expression match (as in Alertmanager)
 *   name!~regex   anchored regex must not match
 *   name!=value   not equal
 *   name==value   exactly equal
 *   name=value    ANCHORED REGEX, same as =~. Chosen so that `--match 'sbc=sbc3.*'` does what on-call
 *                 staff mean; a literal value still matches itself (a '.' in an FQDN matches any char,
 *                 which never widens a real SBC name in practice). Use == for strict equality.
 *
 * A label that is absent is the empty string, as in Alertmanager (so `site!=x` matches an alert with no site).
 */
import { z } from 'zod';

export type MatchOp = '=~' | '!~' | '!=' | '==';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}

export const matcherSchema = z.object({ name: z.string().min(1), op: z.enum(['=~', '!~', '!=', '==']), value: z.string() });

const MATCHER_RE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|==|=)\s*(.*?)\s*$/;

/** Parse `name<op>value`; returns an error message instead of throwing so callers pick the error class. */
export function parseMatcher(text: string): Matcher | string {
  const m = MATCHER_RE.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) {
    return `not a matcher: '${text}' (expected name=value, name=~regex, name!=value, name!~regex or name==value)`;
  }
  const op: MatchOp = m[2] === '=' ? '=~' : (m[2] as MatchOp);
  let value = m[3];
  if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) {
    value = value.slice(1, -1);
  }
  if (op === '=~' || op === '!~') {
    try {
      new RegExp(`^(?:${value})$`);
    } catch (e) {
      return `bad regular expression in '${text}': ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return { name: m[1], op, value };
}

const regexCache = new Map<string, RegExp>();
function anchored(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`);
    if (regexCache.size > 10_000) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}

export function matches(m: Matcher, labels: Readonly<Record<string, string>>): boolean {
  const v = labels[m.name] ?? '';
  switch (m.op) {
    case '==':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return anchored(m.value).test(v);
    case '!~':
      return !anchored(m.value).test(v);
  }
}

/** True when every matcher matches (an empty list matches everything). */
export function matchesAll(ms: readonly Matcher[], labels: Readonly<Record<string, string>>): boolean {
  return ms.every((m) => matches(m, labels));
}

export function formatMatcher(m: Matcher): string {
  return `${m.name}${m.op}${m.value}`;
}
