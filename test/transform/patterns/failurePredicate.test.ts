import { describe, expect, it } from 'vitest';
import { failurePredicateSql } from '../../../transform/patterns/failurePredicate.js';

describe('failurePredicateSql', () => {
  it('maps the named predicates', () => {
    expect(failurePredicateSql('auth')).toBe('coalesce(auth_linked, false)');
    expect(failurePredicateSql('any')).toBe('coalesce(is_failure, false)');
  });

  it('accepts expressions over the attempts columns', () => {
    expect(failurePredicateSql("final_sip_code IN (401, 407) AND layer = 'direct_routing'")).toBe(
      "coalesce((final_sip_code IN (401, 407) AND layer = 'direct_routing'), false)",
    );
    expect(() => failurePredicateSql("starts_with(lower(site), 'emea/') OR CAST(ms_code AS VARCHAR) LIKE '5604%'")).not.toThrow();
    expect(() => failurePredicateSql("is_failure AND client_build = 'it''s'")).not.toThrow();
  });

  it.each([
    ['true; DROP TABLE x', /;/],
    ['is_failure -- comment', /comments/],
    ['is_failure /* c */', /comments/],
    ['"is_failure"', /quoted/],
    ['(SELECT 1) = 1', /not a column/],
    ["read_csv('/etc/passwd') IS NULL", /not a column/],
    ['getenv(is_failure)', /not a column/],
    ['lower', /not a column/],
    ['(is_failure', /unbalanced/],
    ['is_failure)', /unbalanced/],
    ["site || 'x'", /unexpected/],
    ['', /empty/],
  ])('rejects %s', (expr, msg) => {
    expect(() => failurePredicateSql(expr)).toThrow(msg);
  });
});
