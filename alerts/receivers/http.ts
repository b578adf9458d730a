/** The one HTTP choke point of delivery: POST a body, time out, classify the failure. */
import { CqdError } from '../../core/errors.js';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

/** A failed delivery; `permanent` failures (4xx other than 408/429) are not retried. Never holds the URL (it may carry a secret). */
export class DeliveryError extends CqdError {
  readonly permanent: boolean;
  readonly status: number | undefined;
  constructor(message: string, permanent: boolean, status?: number, options?: { cause?: unknown }) {
    super(message, 1, options);
    this.name = 'DeliveryError';
    this.permanent = permanent;
    this.status = status;
  }
}

export function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export async function postJson(
  fetchImpl: FetchLike,
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<void> {
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    const what = name === 'TimeoutError' || name === 'AbortError' ? `timed out after ${timeoutMs} ms` : `connection failed (${causeCode(e)})`;
    throw new DeliveryError(what, false, undefined, { cause: e });
  }
  // Drain the body so the connection can be reused; keep only a short, single-line excerpt.
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    const excerpt = text.replace(/\s+/g, ' ').slice(0, 120);
    throw new DeliveryError(`HTTP ${res.status}${excerpt ? `: ${excerpt}` : ''}`, isPermanentStatus(res.status), res.status);
  }
}

function causeCode(e: unknown): string {
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return e instanceof Error ? e.message.slice(0, 80) : 'error';
}

/** Node 20's global fetch, typed down to what delivery uses. */
export const globalFetch: FetchLike = (url, init) => fetch(url, init);
