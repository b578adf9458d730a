/**
 * The natural key of a file row that carries no unique id of its own: a keyed hash (HMAC-SHA256 with the
 * pseudonym key, first 32 hex digits) of the export kind and every field of the row. The same row in a
 * re-exported or re-imported file gets the same key, so imports upsert instead of duplicating; the key
 * is keyed, so nobody without the vault keys can confirm a guessed row (rows hold EUII).
 */
import { createHmac } from 'node:crypto';

export function rowHash(key: Buffer, kind: string, fields: readonly string[]): string {
  return createHmac('sha256', key).update(`${kind}\u0000${fields.join('\u001f')}`).digest('hex').slice(0, 32);
}
