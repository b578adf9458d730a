import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../demo/emulator/odataFilter.js';

const ms = (iso: string) => Date.parse(iso);

describe('parseFilter', () => {
  it('turns ge/gt/le/lt into [min, maxExclusive) at millisecond resolution', () => {
    const r = parseFilter('startDateTime ge 2026-05-01T00:00:00Z and startDateTime lt 2026-05-02T00:00:00Z', 'startDateTime');
    expect(r).toEqual({ ok: true, filter: { bounds: { minMs: ms('2026-05-01T00:00:00Z'), maxExclusiveMs: ms('2026-05-02T00:00:00Z') } } });
    const g = parseFilter('startDateTime gt 2026-05-01T00:00:00Z and startDateTime le 2026-05-02T00:00:00Z', 'startDateTime');
    expect(g.ok && g.filter.bounds).toEqual({ minMs: ms('2026-05-01T00:00:00Z') + 1, maxExclusiveMs: ms('2026-05-02T00:00:00Z') + 1 });
  });

  it('takes the tightest of repeated bounds and accepts 7-digit fractions and offsets', () => {
    const r = parseFilter(
      'startDateTime ge 2026-05-01T00:00:00Z and startDateTime ge 2026-05-01T06:00:00.1234567Z and startDateTime lt 2026-05-02T02:00:00+02:00',
      'startDateTime',
    );
    expect(r.ok && r.filter.bounds).toEqual({ minMs: ms('2026-05-01T06:00:00.123Z'), maxExclusiveMs: ms('2026-05-02T00:00:00Z') });
  });

  it('parses the sign-in event type lambda only where allowed', () => {
    const text = "createdDateTime ge 2026-05-01T00:00:00Z and signInEventTypes/any(t: t eq 'nonInteractiveUser' or t eq 'interactiveUser')";
    const r = parseFilter(text, 'createdDateTime', 'signInEventTypes');
    expect(r.ok && r.filter.anyOf).toEqual({ field: 'signInEventTypes', values: ['nonInteractiveUser', 'interactiveUser'] });
    expect(parseFilter(text, 'createdDateTime').ok).toBe(false);
  });

  it('refuses other fields, operators, literals and shapes', () => {
    for (const bad of [
      '',
      'lastModifiedDateTime ge 2026-05-01T00:00:00Z',
      'startDateTime eq 2026-05-01T00:00:00Z',
      'startDateTime ge 2026-05-01T00:00:00Z or startDateTime lt 2026-05-02T00:00:00Z',
      'startDateTime ge yesterday',
      "participants_v2/any(p:p/id eq 'x')",
      'startDateTime ge',
    ]) {
      expect(parseFilter(bad, 'startDateTime').ok, bad).toBe(false);
    }
  });
});
