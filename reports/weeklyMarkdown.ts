/** The Markdown summary for a Teams channel or a ticket: headline, clusters with advice, single users, capture. */
import { escapeMarkdown as m } from './escapeHtml.js';
import { fmtChange, fmtInt, fmtLocalDate, fmtPct, fmtValue } from './formatNumbers.js';
import type { CodeView, WeeklyReport } from './weeklyReport.js';

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

function codes(cs: readonly CodeView[]): string {
  return cs.length ? cs.map((c) => `${c.kind === 'sip' ? 'SIP' : 'MS'} ${m(c.code)} ${m(c.meaning)} (${fmtInt(c.count)})`).join('; ') : '–';
}

export function weeklyMarkdown(r: WeeklyReport): string {
  const out: string[] = [];
  out.push(`## Call-setup failures, week ${m(r.week)}`, '');
  out.push(`${fmtLocalDate(r.window.from, r.timezone)} to ${fmtLocalDate(r.window.to, r.timezone, true)} (${m(r.timezone)}), failures: ${m(r.failure)}${r.pseudonymised ? ', users pseudonymised' : ''}.`, '');
  out.push(row(['Measure', 'This week', 'Previous week', 'Change']), row(['---', '---:', '---:', '---:']));
  for (const h of r.headline) out.push(row([m(h.label), fmtValue(h.key, h.current), h.previous === null ? '–' : fmtValue(h.key, h.previous), fmtChange(h.change)]));
  out.push('');
  if (r.global_change) out.push('**Global change:** the surge is spread evenly over everything, not a cluster.', '');
  out.push('### Top clusters', '');
  if (r.clusters.length === 0) out.push('No failure cluster this week.', '');
  for (const c of r.clusters) {
    out.push(`**${c.rank}. ${m(c.label)}** (${m(c.trend)})`);
    out.push(
      `- ${fmtInt(c.failures)} failures vs ${c.expected_failures.toFixed(1)} expected, ${fmtInt(c.users)} users, rate ${fmtPct(c.rate)} (baseline ${fmtPct(c.baseline_rate)}), first seen ${m(c.first_seen.slice(0, 10))}`,
    );
    out.push(`- Layer: ${m(c.layer_label)}; origin: ${m(c.origin_note)}`);
    out.push(`- Codes: ${codes(c.codes)}`);
    out.push(`- Check first (${m(c.check.title)}): ${c.check.steps.map((s, i) => `${i + 1}) ${m(s)}`).join(' ')}`, '');
  }
  if (r.gone.length) out.push('### Gone since last week', '', ...r.gone.map((g) => `- ${m(g.label)} (${fmtInt(g.failures)} failures last week)`), '');
  out.push('### Single-user problems', '');
  if (r.single_users.length === 0) out.push('None this week.', '');
  else {
    out.push(row(['User', 'Failures', 'Where', 'Codes']), row(['---', '---:', '---', '---']));
    for (const u of r.single_users) out.push(row([`\`${u.user.replace(/`/g, "'")}\``, fmtInt(u.failures), m(u.label), codes(u.codes)]));
    out.push('');
  }
  out.push('### Capture health', '');
  for (const c of r.capture) out.push(`- ${m(c.source)}: ${c.level}, ${c.daysLeft === null ? 'nothing missing' : `${c.daysLeft.toFixed(1)} days left before the oldest uncaptured data passes the ${c.retentionDays}-day cutoff`}`);
  out.push('');
  if (r.unmapped.length) {
    out.push('### Unmapped subnets', '');
    for (const u of r.unmapped) out.push(`- ${m(u.subnet)}: ${fmtInt(u.attempts)} attempts, ${fmtInt(u.failures)} failures`);
    out.push('');
  }
  return out.join('\n');
}
