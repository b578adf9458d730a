/** HTML fragments of the weekly report; every string from data goes through escapeHtml. */
import { layerColor } from './charts/chartTheme.js';
import { escapeHtml as e } from './escapeHtml.js';
import { fmtChange, fmtDays, fmtInstant, fmtInt, fmtPct, fmtValue } from './formatNumbers.js';
import type { ClusterView, CodeView, WeeklyReport } from './weeklyReport.js';

const table = (head: string[], rows: string[][], cls = ''): string =>
  `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>` +
  `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;

export function codesHtml(codes: readonly CodeView[]): string {
  if (codes.length === 0) return '–';
  return codes.map((c) => `<span class="code">${c.kind === 'sip' ? 'SIP' : 'MS'} ${e(c.code)}</span> ${e(c.meaning)} (${fmtInt(c.count)})`).join('<br>');
}

export function headlineHtml(r: WeeklyReport): string {
  const rows = r.headline.map((h) => [e(h.label), fmtValue(h.key, h.current), h.previous === null ? '–' : fmtValue(h.key, h.previous), fmtChange(h.change)]);
  const global = r.global_change ? '<p class="note">The change is spread evenly over all sites, SBCs, builds and carriers: a global change, not a cluster.</p>' : '';
  return `<section><h2>Headline</h2>${table(['Measure', 'This week', 'Previous week', 'Change'], rows, 'num')}${global}</section>`;
}

function layerBadge(c: ClusterView): string {
  return `<span class="badge" style="background:${layerColor(c.layer)}">${e(c.layer_label)}</span>`;
}

function dimsHtml(c: ClusterView): string {
  return c.dimensions.map((d) => `<span class="dim">${e(d.dimension)}</span> ${e(d.value)}`).join('<br>') || 'all attempts';
}

export function clustersHtml(r: WeeklyReport): string {
  if (r.clusters.length === 0) return '<section><h2>Top clusters</h2><p>No failure cluster this week.</p></section>';
  const rows = r.clusters.map((c) => [
    String(c.rank),
    dimsHtml(c),
    `${fmtInt(c.failures)} vs ${c.expected_failures.toFixed(1)}`,
    `${fmtPct(c.rate)} (baseline ${fmtPct(c.baseline_rate)})`,
    fmtInt(c.users),
    e(c.first_seen.slice(0, 10)),
    `<span class="trend-${e(c.trend)}">${e(c.trend)}</span>`,
    layerBadge(c),
    `<span title="${e(c.origin_note)}">${e(c.origin_label)}</span>`,
    codesHtml(c.codes),
  ]);
  const cards = r.clusters
    .map(
      (c) =>
        `<div class="card" style="border-left-color:${layerColor(c.layer)}"><h3>#${c.rank} ${e(c.label)}</h3>` +
        `<p>${layerBadge(c)} ${e(c.origin_note)}</p><p><strong>What to check first: ${e(c.check.title)}</strong></p>` +
        `<ol>${c.check.steps.map((s) => `<li>${e(s)}</li>`).join('')}</ol></div>`,
    )
    .join('\n');
  const head = ['#', 'Dimensions', 'Failures vs expected', 'Rate', 'Users', 'First seen', 'Trend', 'Layer', 'Origin', 'Top codes'];
  return `<section><h2>Top clusters</h2>${table(head, rows, 'clusters')}\n${cards}</section>`;
}

export function goneHtml(r: WeeklyReport): string {
  if (r.gone.length === 0) return '';
  return `<section><h2>Gone since last week</h2><ul>${r.gone.map((g) => `<li>${e(g.label)} (${fmtInt(g.failures)} failures last week)</li>`).join('')}</ul></section>`;
}

export function singleUsersHtml(r: WeeklyReport): string {
  const title = `<h2>Single-user problems</h2><p class="note">One account or device failing repeatedly: not a pattern, fix with the user.${r.pseudonymised ? ' Users are shown as pseudonyms.' : ''}</p>`;
  if (r.single_users.length === 0) return `<section>${title}<p>None this week.</p></section>`;
  const rows = r.single_users.map((u) => [`<code>${e(u.user)}</code>`, fmtInt(u.failures), fmtInt(u.attempts), e(u.label), codesHtml(u.codes), e(u.note)]);
  return `<section>${title}${table(['User', 'Failures', 'Attempts', 'Where', 'Top codes', 'Note'], rows, 'users')}</section>`;
}

export function captureHtml(r: WeeklyReport): string {
  const rows = r.capture.map((c) => [
    e(c.source),
    `${c.retentionDays} days`,
    c.capturedUntil ? e(fmtInstant(c.capturedUntil)) : 'never',
    e(fmtDays(c.daysLeft)),
    `<span class="level-${e(c.level)}">${e(c.level)}</span>`,
  ]);
  return `<section><h2>Capture health</h2><p class="note">Days left before the oldest uncaptured data falls off Microsoft's retention (EUII cutoff).</p>${table(['Source', 'Retention', 'Captured until', 'Days left', 'Level'], rows)}</section>`;
}

export function unmappedHtml(r: WeeklyReport): string {
  if (r.unmapped.length === 0) return '<section><h2>Unmapped subnets</h2><p>Every subnet with traffic is in the building file.</p></section>';
  const rows = r.unmapped.map((u) => [`<code>${e(u.subnet)}</code>`, fmtInt(u.attempts), fmtInt(u.failures), fmtInt(u.users)]);
  return `<section><h2>Unmapped subnets</h2><p class="note">Add these to the CQD building file so their failures get a site.</p>${table(['Subnet', 'Attempts', 'Failures', 'Users'], rows, 'num')}</section>`;
}
