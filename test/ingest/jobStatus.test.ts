import { afterEach, describe, expect, it } from 'vitest';
import { jobStatuses, recordJob } from '../../ingest/jobStatus.js';
import { tempStore } from '../helpers/tempStore.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('job status', () => {
  it('counts failures in a row and resets on success, keeping the last success', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    const t = (h: number) => new Date(Date.UTC(2026, 10, 1, h));
    await recordJob(s.db, 'ingest', t(0), undefined, t(0));
    await recordJob(s.db, 'ingest', t(1), 'Graph 503', t(1));
    await recordJob(s.db, 'ingest', t(2), 'Graph 503', t(2));
    expect(await jobStatuses(s.db)).toEqual([{ job: 'ingest', last_success: '2026-11-01T00:00:00Z', last_error: 'Graph 503', consecutive_failures: 2 }]);
    await recordJob(s.db, 'ingest', t(3), undefined, t(3));
    expect((await jobStatuses(s.db))[0]).toMatchObject({ consecutive_failures: 0, last_error: null, last_success: '2026-11-01T03:00:00Z' });
  });
});
