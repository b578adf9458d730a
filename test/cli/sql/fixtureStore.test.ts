import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tempStore } from '../../helpers/tempStore.js';
import { seedMarts } from './fixtureStore.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('fixture store', () => {
  it('seeds attempts, rollups and an injected auth cluster', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    await seedMarts(s.db, 5000);
    const r = await s.db.query(
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE auth_linked)::INTEGER AS auth, (SELECT sum(attempts)::INTEGER FROM marts.daily_rollup) AS rolled FROM marts.setup_attempts`,
      z.object({ n: z.number(), auth: z.number(), rolled: z.number() }),
    );
    expect(r[0]).toMatchObject({ n: 5000, rolled: 5000 });
    expect(r[0]?.auth).toBeGreaterThan(50);
  });
});
