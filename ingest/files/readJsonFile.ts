/** Read a saved Graph response (.json or .json.gz) into items: an entity, or the `value` of a page. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export type JsonFileResult = { ok: true; items: unknown[] } | { ok: false; reason: string; bytes: string };

/** The file's bytes may be given when they were read ahead (mapWorker.ts reads the next files while it maps one). */
export function readJsonFile(path: string, bytes?: Buffer): JsonFileResult {
  let text: string;
  try {
    const buf = bytes ?? readFileSync(path);
    text = (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
  } catch (e) {
    return { ok: false, reason: `cannot read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, bytes: '' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    // The parser's message names the position, never the content.
    return { ok: false, reason: `invalid JSON: ${e instanceof Error ? e.message.replace(/"[^"]*"/g, '…') : 'parse error'}`, bytes: text };
  }
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && Array.isArray((parsed as { value?: unknown }).value)) {
    return { ok: true, items: (parsed as { value: unknown[] }).value };
  }
  if (Array.isArray(parsed)) return { ok: true, items: parsed };
  return { ok: true, items: [parsed] };
}
