/**
 * The demo's analysis phase, on the captured store: replay the last week day by day (a pattern run
 * over each day, then the alert rules), run the weekly patterns, write the weekly report, and check
 * the clusters against the generator's ground truth.
 */
import type { Config } from '../core/config.js';
import type { Db } from '../core/db.js';
import type { Logger } from '../core/log.js';
import { parseAlertsConfig } from '../alerts/rules.js';
import { runEvaluation } from '../alerts/runEvaluation.js';
import { loadSystemInputs } from '../alerts/systemInputs.js';
import { createPseudonymizer } from '../ingest/pseudonymizer.js';
import type { VaultKeys } from '../ingest/keys.js';
import { writeWeeklyReport } from '../reports/writeWeeklyReport.js';
import { DIMENSIONS, type Dimensions, type PatternResult } from '../transform/patterns/cluster.js';
import { patternsFor } from '../transform/patterns/patternsFor.js';
import type { DemoTenantInfo } from './forkEmulator.js';

const DAY = 86_400_000;

export interface TruthCheck {
  incident: string;
  expected: string;
  ok: boolean;
  detail: string;
}

export interface AlertDay {
  day: string;
  firing: string[];
  notifications: number;
}

function sameDims(a: Dimensions, b: Dimensions): boolean {
  return DIMENSIONS.every((d) => a[d] === b[d]);
}

function label(d: Dimensions): string {
  return DIMENSIONS.filter((k) => d[k] !== undefined)
    .map((k) => `${k}=${d[k]}`)
    .join(' & ');
}

/** Pure: each injected incident against the weekly result. */
export function checkTruth(tenant: DemoTenantInfo, weekly: PatternResult, userPseudonym: (upn: string) => string | null, topN = 5): TruthCheck[] {
  return tenant.incidents.map((i) => {
    const rank = weekly.clusters.findIndex((c) => sameDims(c.dimensions, i.dimensions)) + 1;
    if (i.expected === 'cluster') {
      return { incident: i.id, expected: `cluster ${label(i.dimensions)}`, ok: rank > 0 && rank <= topN, detail: rank > 0 ? `rank ${rank}` : 'not found' };
    }
    if (i.expected === 'single_user') {
      const p = i.user ? userPseudonym(i.user) : null;
      const listed = weekly.single_user.some((u) => u.user === p);
      const asCluster = weekly.clusters.some((c) => c.dimensions.site === i.dimensions.site && Object.keys(c.dimensions).length === 1);
      return { incident: i.id, expected: 'single-user problem, not a cluster', ok: listed && !asCluster, detail: listed ? 'listed under single_user' : 'not in single_user' };
    }
    return { incident: i.id, expected: `no cluster (${label(i.dimensions)})`, ok: rank === 0, detail: rank === 0 ? 'not reported' : `reported at rank ${rank}` };
  });
}

export async function analyzeDemo(
  deps: { db: Db; log: Logger; keys: VaultKeys },
  o: { tenant: DemoTenantInfo; config: Config; reportDir: string },
): Promise<{ weekly: PatternResult; truth: TruthCheck[]; alertDays: AlertDay[]; report: { html: string; markdown: string; json: string; pngs: string[] } }> {
  const { db, log } = deps;
  const end = new Date(o.tenant.options.end);
  const alertsConfig = parseAlertsConfig({}, 'demo');
  const alertDays: AlertDay[] = [];
  for (let d = 6; d >= 0; d--) {
    const to = new Date(end.getTime() - d * DAY);
    await patternsFor(db, o.config, { from: new Date(to.getTime() - DAY), to, now: to, store: true });
    const system = await loadSystemInputs(db, to, o.config);
    const ev = await runEvaluation({ db, config: alertsConfig, now: to, dryRun: false, externalUrl: null, ...system });
    const firing = ev.states.filter((s) => s.status === 'firing').map((s) => s.labels['scope'] ?? s.labels['alertname'] ?? '?');
    alertDays.push({ day: new Date(to.getTime() - DAY).toISOString().slice(0, 10), firing, notifications: ev.notifications.length });
  }
  const weekly = await patternsFor(db, o.config, { from: new Date(end.getTime() - 7 * DAY), to: end, now: end, store: true });
  const p = createPseudonymizer(deps.keys.pseudonymKey);
  const truth = checkTruth(o.tenant, weekly, (upn) => p.p('upn', upn));
  const report = await writeWeeklyReport(db, {
    now: end,
    timezone: o.config.report.timezone,
    outDir: o.reportDir,
    captureOptions: { signInRetentionDays: o.config.ingest.signInRetentionDays, marginDays: o.config.ingest.deadlineMarginDays },
    patterns: weekly,
  });
  log.info(`demo: weekly report written (${Math.round(report.timings.render)} ms rendering)`);
  return { weekly, truth, alertDays, report };
}
