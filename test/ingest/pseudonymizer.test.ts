import { describe, expect, it } from 'vitest';
import { createPseudonymizer } from '../../ingest/pseudonymizer.js';

describe('pseudonymizer seen ranges', () => {
  it('records event times in toISOString form whatever form they came in, and keeps the widest range', () => {
    const forms = [
      '2026-10-19T00:04:35.125Z',
      '2026-10-19T00:04:35Z',
      '2026-10-19T00:04:35.1234567Z',
      '2026-10-19T02:04:35.125+02:00',
      '2026-02-30T00:00:00.000Z', // rolls over to 2026-03-02, as Date does
      '2026-12-31T23:59:59.999Z',
    ];
    for (const f of forms) {
      const p = createPseudonymizer(Buffer.alloc(32, 9));
      p.at(f);
      p.p('upn', 'someone@contoso.com');
      expect(p.drain()[0]?.firstSeen, f).toBe(new Date(f).toISOString());
    }
    const p = createPseudonymizer(Buffer.alloc(32, 9));
    for (const f of ['2026-03-01T00:00:00.000Z', '2026-02-30T00:00:00.000Z', '2026-01-05T00:00:00.000Z']) {
      p.at(f);
      p.p('ip', '10.0.0.1');
    }
    expect(p.drain()).toMatchObject([{ firstSeen: '2026-01-05T00:00:00.000Z', lastSeen: '2026-03-02T00:00:00.000Z' }]);
  });

  it('drainSeen gives the ranges drain gives, in epoch milliseconds, and a drain window starts afresh', () => {
    const feed = (p: ReturnType<typeof createPseudonymizer>) => {
      for (const [t, upn] of [['2026-03-01T00:00:00Z', 'A@x'], ['2026-01-05T00:00:00Z', 'b@x'], ['2026-02-01T00:00:00Z', 'a@X'], ['2026-04-01T00:00:00Z', 'a@x']] as const) {
        p.at(t);
        p.p('upn', upn);
      }
    };
    const a = createPseudonymizer(Buffer.alloc(32, 9));
    const b = createPseudonymizer(Buffer.alloc(32, 9));
    feed(a);
    feed(b);
    const entries = a.drain();
    const seen = b.drainSeen().map((v) => ({ pseudonym: v.pseudonym, kind: v.kind, clear: v.clear, firstSeen: new Date(v.firstMs).toISOString(), lastSeen: new Date(v.lastMs).toISOString() }));
    expect(seen).toEqual(entries);
    expect(entries.map((e) => [e.clear, e.firstSeen, e.lastSeen])).toEqual([
      ['a@x', '2026-02-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      ['b@x', '2026-01-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z'],
    ]);
    // After a drain a value seen again has only its new time, and nothing else is pending.
    b.at('2026-05-01T00:00:00Z');
    b.p('upn', 'b@x');
    expect(b.drainSeen().map((v) => [v.clear, v.firstMs, v.lastMs])).toEqual([['b@x', Date.parse('2026-05-01T00:00:00Z'), Date.parse('2026-05-01T00:00:00Z')]]);
    expect(b.drainSeen()).toEqual([]);
  });
});
