/**
 * Silences, as in Alertmanager: a set of matchers, a start, an end, who and why. A silenced alert still
 * changes state; it only sends no firing or reminder notifications while the silence is in force.
 * Pure helpers plus the thin store functions (alerts.silences).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../core/db.js';
import { UsageError } from '../core/errors.js';
import { loadSql } from '../core/sql.js';
import { matcherSchema, parseMatcher, type Matcher } from './matcher.js';
import type { Silence } from './types.js';

export interface NewSilence {
  matchers: string[];
  durationMs: number;
  comment: string;
  createdBy: string;
  now: Date;
  /** Start later than now (default: now). */
  startsAt?: Date | undefined;
}

/** Pure: validate and build a silence; a UsageError names the bad matcher. */
export function buildSilence(spec: NewSilence, id: string = randomUUID()): Silence {
  if (spec.matchers.length === 0) throw new UsageError('a silence needs at least one --match');
  if (!(spec.durationMs > 0)) throw new UsageError('a silence needs a positive --for duration');
  if (spec.comment.trim() === '') throw new UsageError('a silence needs a --comment (why, and a ticket if there is one)');
  const matchers: Matcher[] = spec.matchers.map((text) => {
    const m = parseMatcher(text);
    if (typeof m === 'string') throw new UsageError(m);
    return m;
  });
  const start = spec.startsAt ?? spec.now;
  return {
    id,
    matchers,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + spec.durationMs).toISOString(),
    createdBy: spec.createdBy,
    comment: spec.comment,
  };
}

export function isActive(s: Silence, now: Date): boolean {
  const t = now.getTime();
  return Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt);
}

const row = z.object({
  silence_id: z.string(),
  matchers: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  created_by: z.string(),
  comment: z.string(),
});
const matchersJson = z.array(matcherSchema);

export async function saveSilence(db: Db, s: Silence, now: Date): Promise<void> {
  await db.run(loadSql('alerts/sql/silence_insert.sql'), {
    id: s.id,
    matchers: JSON.stringify(s.matchers),
    starts_at: s.startsAt,
    ends_at: s.endsAt,
    created_by: s.createdBy,
    comment: s.comment,
    now: now.toISOString(),
  });
}

/** Silences not ended before `since` (pass a date far in the past for all of them). */
export async function listSilences(db: Db, since: Date): Promise<Silence[]> {
  const rows = await db.query(loadSql('alerts/sql/silences_list.sql'), row, { since: since.toISOString() });
  return rows.map((r) => ({
    id: r.silence_id,
    matchers: matchersJson.parse(JSON.parse(r.matchers)),
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    createdBy: r.created_by,
    comment: r.comment,
  }));
}

/** End a silence now; false when no silence with that id is still in force. */
export async function expireSilence(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(loadSql('alerts/sql/silence_expire.sql'), z.object({ silence_id: z.string() }), { id, now: now.toISOString() });
  return rows.length > 0;
}
