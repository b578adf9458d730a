/** Pure text renderings for the CLI: evaluation outcome (dry-run or not) and silences. */
import { formatMatcher } from './matcher.js';
import type { EvaluateAllOutput } from './evaluateAll.js';
import type { Silence } from './types.js';

export function formatEvaluation(out: EvaluateAllOutput, dryRun: boolean): string {
  const lines: string[] = [];
  for (const r of out.rules) {
    lines.push(`rule ${r.rule}: ${r.skipped ? `skipped (${r.skipped})` : `${r.candidates} matching${r.runId ? ` in run ${r.runId}` : ''}`}`);
    for (const s of out.states.filter((x) => x.rule === r.rule)) {
      const what = s.labels['scope'] ?? s.labels['source'] ?? s.labels['job'] ?? s.fingerprint;
      const silenced = s.silencedBy.length ? `  silenced by ${s.silencedBy.join(',')}` : '';
      const nums = ['failures', 'users', 'days_left', 'consecutive_failures']
        .filter((k) => s.values[k] !== undefined)
        .map((k) => `${k}=${String(s.values[k])}`)
        .join(' ');
      lines.push(`  ${s.status.toUpperCase().padEnd(8)} ${s.fingerprint}  ${what}${nums ? `  ${nums}` : ''}${silenced}`);
    }
  }
  const verb = dryRun ? 'would send' : 'enqueued';
  for (const n of out.notifications) lines.push(`${verb} ${n.kind} ${n.rule} ${n.fingerprint} → ${n.receiver} (key ${n.idempotencyKey})`);
  if (out.notifications.length === 0) lines.push(dryRun ? 'would send nothing' : 'no notifications');
  if (dryRun) lines.push('dry run: nothing was written or sent');
  return lines.join('\n') + '\n';
}

export function formatSilences(list: readonly Silence[], now: Date): string {
  if (list.length === 0) return 'no silences\n';
  const t = now.getTime();
  return (
    list
      .map((s) => {
        const state = Date.parse(s.endsAt) <= t ? 'expired' : Date.parse(s.startsAt) > t ? 'pending' : 'active';
        return `${s.id}  ${state.padEnd(7)} ${s.startsAt} → ${s.endsAt}  ${s.matchers.map(formatMatcher).join(' ')}  by ${s.createdBy}: ${s.comment}`;
      })
      .join('\n') + '\n'
  );
}
