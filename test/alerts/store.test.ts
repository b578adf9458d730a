import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDb, type Db } from '../../core/db.js';
import { migrate } from '../../core/migrate.js';
import { parseAlertsConfig } from '../../alerts/rules.js';
import { runEvaluation } from '../../alerts/runEvaluation.js';
import { buildSilence, expireSilence, isActive, listSilences, saveSilence } from '../../alerts/silences.js';
import { loadSnapshots, loadStates } from '../../alerts/store.js';
import { loadSystemInputs } from '../../alerts/systemInputs.js';
import { insertRun } from './dbFixtures.js';
import { makeCluster } from './fixtures.js';

let db: Db;
beforeEach(async () => {
  db = await openDb(':memory:');
  await migrate(db);
});
afterEach(() => db.close());

const config = parseAlertsConfig({ receivers: [{ name: 'hook', type: 'webhook', url: 'http://127.0.0.1:1/x' }] });

const outboxCount = async () => (await db.query('SELECT count(*)::integer AS n FROM alerts.outbox', z.object({ n: z.number() })))[0]?.n;

describe('alert store', () => {
  it('loads the latest run per window and failure with its validated clusters', async () => {
    await insertRun(db, 'old', '2026-11-28T03:00:00.000Z', [makeCluster()]);
    await insertRun(db, 'new', '2026-11-28T04:00:00.000Z', [makeCluster(), makeCluster({ dimensions: { site: 'EMEA/FR' } })]);
    await insertRun(db, 'week', '2026-11-28T04:00:00.000Z', [], 168);
    await insertRun(db, 'future', '2026-11-28T06:00:00.000Z', [makeCluster()]);
    const snaps = await loadSnapshots(db, new Date('2026-11-28T05:00:00.000Z'), 3 * 3_600_000);
    expect(snaps.map((s) => `${s.runId}:${s.clusters.length}`).sort()).toEqual(['new:2', 'week:0']);
    expect(snaps.find((s) => s.runId === 'new')?.windowFrom).toBe('2026-11-27T04:00:00.000Z');
  });

  it('refuses a cluster_json that breaks the contract', async () => {
    await insertRun(db, 'bad', '2026-11-28T04:00:00.000Z', [makeCluster()]);
    await db.run(`UPDATE patterns.clusters SET cluster_json = '{"fingerprint": 1}'`);
    await expect(loadSnapshots(db, new Date('2026-11-28T05:00:00.000Z'), 3_600_000 * 3)).rejects.toThrow(/patterns.clusters run bad/);
  });

  it('commits states, outbox and history together; re-evaluating enqueues nothing twice', async () => {
    await insertRun(db, 'r1', '2026-11-28T04:00:00.000Z', [makeCluster()]);
    const now = new Date('2026-11-28T05:00:00.000Z');
    const out = await runEvaluation({ db, config, now, dryRun: false });
    expect(out.notifications).toHaveLength(1);
    expect((await loadStates(db)).map((s) => s.status)).toEqual(['firing']);
    expect(await outboxCount()).toBe(1);
    // Same inputs again from a clean slate (as after a crash that lost the state write): same key, no second row.
    await db.run('DELETE FROM alerts.state');
    await runEvaluation({ db, config, now, dryRun: false });
    expect(await outboxCount()).toBe(1);
  });

  it('rolls everything back when the transaction fails (crash before commit)', async () => {
    await insertRun(db, 'r1', '2026-11-28T04:00:00.000Z', [makeCluster()]);
    const now = new Date('2026-11-28T05:00:00.000Z');
    const failing: Db = {
      ...db,
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            ...tx,
            run: async (sqlText, params) => {
              if (sqlText.includes('alerts.outbox')) throw new Error('disk full');
              return tx.run(sqlText, params);
            },
          }),
        ),
    };
    await expect(runEvaluation({ db: failing, config, now, dryRun: false })).rejects.toThrow(/disk full/);
    expect(await loadStates(db)).toEqual([]);
    expect(await outboxCount()).toBe(0);
    await runEvaluation({ db, config, now, dryRun: false });
    expect(await outboxCount()).toBe(1);
  });

  it('a dry run writes nothing', async () => {
    await insertRun(db, 'r1', '2026-11-28T04:00:00.000Z', [makeCluster()]);
    const out = await runEvaluation({ db, config, now: new Date('2026-11-28T05:00:00.000Z'), dryRun: true });
    expect(out.notifications).toHaveLength(1);
    expect(await loadStates(db)).toEqual([]);
    expect(await outboxCount()).toBe(0);
  });

  it('stores, lists and expires silences', async () => {
    const now = new Date('2026-11-28T05:00:00.000Z');
    const s = buildSilence({ matchers: ['sbc=sbc3.*'], durationMs: 4 * 3_600_000, comment: 'SBC maintenance', createdBy: 'oncall', now }, 'sil-1');
    await saveSilence(db, s, now);
    expect(await listSilences(db, now)).toEqual([s]);
    expect(isActive(s, now)).toBe(true);
    expect(await expireSilence(db, 'sil-1', new Date('2026-11-28T06:00:00.000Z'))).toBe(true);
    expect(await expireSilence(db, 'sil-1', new Date('2026-11-28T06:30:00.000Z'))).toBe(false);
    expect(await listSilences(db, new Date('2026-11-28T06:00:00.000Z'))).toEqual([]);
    expect((await listSilences(db, new Date(0)))[0]?.endsAt).toBe('2026-11-28T06:00:00.000Z');
  });

  it('reads job failures and the capture deadline watch for the built-in alerts', async () => {
    await db.run(`INSERT INTO meta.job_status (job, consecutive_failures) VALUES ('ingest', 4)`);
    // Sign-ins captured from an hour inside the 30-day edge up to now: nothing retrievable is missing.
    // Call records captured for the last 20 days only: the 10 days before are still retrievable and
    // the oldest of them is at the edge (about 0 days left). Never-captured sources are left to doctor.
    await db.run(`INSERT INTO meta.captured_windows VALUES ('signIns', '2026-10-29T06:00:00Z', '2026-11-28T05:00:00Z', 'r', 1, '2026-11-28T05:00:00Z')`);
    await db.run(`INSERT INTO meta.captured_windows VALUES ('callRecords', '2026-11-08T05:00:00Z', '2026-11-28T05:00:00Z', 'r', 1, '2026-11-28T05:00:00Z')`);
    await db.run(`INSERT INTO meta.watermarks VALUES ('signIns', '2026-11-28T05:00:00Z', '2026-11-28T05:00:00Z'), ('callRecords', '2026-11-28T05:00:00Z', '2026-11-28T05:00:00Z')`);
    const inputs = await loadSystemInputs(db, new Date('2026-11-28T05:00:00.000Z'), { ingest: { signInRetentionDays: 30, deadlineMarginDays: 7, trailingHours: 72, backfillDays: 30, schedule: '' } });
    expect(inputs.jobFailures).toEqual([{ job: 'ingest', consecutiveFailures: 4 }]);
    expect(inputs.captureDeadlines).toEqual([
      { source: 'callRecords', daysLeft: 0.1 },
    ]);
  });
});

describe('buildSilence', () => {
  it('needs matchers, a duration and a comment', () => {
    const now = new Date();
    expect(() => buildSilence({ matchers: [], durationMs: 1, comment: 'c', createdBy: 'x', now })).toThrow(/--match/);
    expect(() => buildSilence({ matchers: ['a=b'], durationMs: 0, comment: 'c', createdBy: 'x', now })).toThrow(/--for/);
    expect(() => buildSilence({ matchers: ['a=b'], durationMs: 1, comment: ' ', createdBy: 'x', now })).toThrow(/--comment/);
    expect(() => buildSilence({ matchers: ['a'], durationMs: 1, comment: 'c', createdBy: 'x', now })).toThrow(/not a matcher/);
  });
});
