/** Validate one incoming item against its Graph schema; the reason names fields, never values (values may be EUII). */
import type { z } from 'zod';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export function validateItem<S extends z.ZodType>(schema: S, item: unknown): Checked<z.infer<S>> {
  const r = schema.safeParse(item);
  if (r.success) return { ok: true, value: r.data };
  const reason = r.error.issues
    .slice(0, 3)
    .map((i) => {
      const where = i.path.length ? i.path.map(String).join('.') : '(item)';
      // zod messages for enums list the allowed values only; for other codes keep the message generic.
      const what = i.code === 'invalid_value' ? 'unknown enum value' : i.code === 'invalid_type' ? `expected ${i.expected}` : i.message;
      return `${where}: ${what}`;
    })
    .join('; ');
  return { ok: false, reason };
}
