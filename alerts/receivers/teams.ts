/**
 * Teams Workflows webhook receiver ("When a Teams webhook request is received" → post card in a chat or
 * channel): a message with one Adaptive Card attachment (schema 1.4, which Teams renders everywhere):
 * the cluster, the numbers, the layer, what to check first, and a link to the report.
 */
import type { TeamsReceiverConfig } from '../receiverConfig.js';
import { formatValue } from '../template.js';
import type { AlertMessage } from '../types.js';
import { postJson, type FetchLike } from './http.js';
import { IDEMPOTENCY_HEADER } from './webhook.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Value key → fact title, in display order; keys absent from the alert are skipped. */
const FACTS: [string, string][] = [
  ['failures', 'Failures'],
  ['users', 'Distinct users'],
  ['attempts', 'Attempts'],
  ['rate', 'Failure rate'],
  ['expected_failures', 'Expected failures'],
  ['observed_over_expected', 'Observed / expected'],
  ['score', 'Score'],
  ['top_sip_codes', 'Top SIP codes'],
  ['top_ms_codes', 'Top Microsoft codes'],
  ['trend', 'Trend'],
  ['days_left', 'Days left'],
  ['consecutive_failures', 'Failed runs in a row'],
];

function fact(key: string, v: number | string): string {
  if (key === 'rate' && typeof v === 'number') return `${formatValue(v * 100)} %`;
  if (key === 'observed_over_expected' && typeof v === 'number') return `${formatValue(v)}x`;
  return formatValue(v);
}

function heading(m: AlertMessage): string {
  const what = m.kind === 'resolved' ? 'Resolved' : m.kind === 'reminder' ? 'Still firing' : 'Firing';
  return `${what}: ${m.rule}`;
}

export function adaptiveCard(m: AlertMessage): Record<string, unknown> {
  const facts = FACTS.filter(([k]) => m.values[k] !== undefined && m.values[k] !== '').map(([k, title]) => ({ title, value: fact(k, m.values[k] ?? '') }));
  for (const k of ['layer', 'origin'] as const) {
    const v = m.labels[k];
    if (v !== undefined) facts.push({ title: k === 'layer' ? 'Layer' : 'Origin', value: v });
  }
  facts.push({ title: m.kind === 'resolved' ? 'Resolved at' : 'Firing since', value: m.kind === 'resolved' ? (m.endsAt ?? m.sentAt) : m.startsAt });
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: heading(m), weight: 'Bolder', size: 'Large', color: m.status === 'resolved' ? 'Good' : 'Attention', wrap: true },
    { type: 'TextBlock', text: m.labels['scope'] ?? m.annotations['summary'] ?? m.fingerprint, weight: 'Bolder', wrap: true },
  ];
  if (m.annotations['summary'] && m.labels['scope']) body.push({ type: 'TextBlock', text: m.annotations['summary'], wrap: true });
  if (m.annotations['description']) body.push({ type: 'TextBlock', text: m.annotations['description'], wrap: true, isSubtle: true });
  body.push({ type: 'FactSet', facts });
  if (m.advice && m.kind !== 'resolved') {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        { type: 'TextBlock', text: `What to check first: ${m.advice.title}`, weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: m.advice.steps.map((s, i) => `${i + 1}. ${s}`).join('\r'), wrap: true },
      ],
    });
  }
  body.push({ type: 'TextBlock', text: `Fingerprint ${m.fingerprint}`, isSubtle: true, size: 'Small', wrap: true });
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    fallbackText: `${heading(m)} ${m.labels['scope'] ?? ''}`.trim(),
    body,
  };
  if (m.externalUrl) card['actions'] = [{ type: 'Action.OpenUrl', title: 'Open the report', url: m.externalUrl }];
  return card;
}

/** The request body the Workflows trigger expects. */
export function teamsBody(m: AlertMessage): object {
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: adaptiveCard(m) }] };
}

export async function sendTeams(fetchImpl: FetchLike, cfg: TeamsReceiverConfig, m: AlertMessage): Promise<void> {
  await postJson(fetchImpl, cfg.url, JSON.stringify(teamsBody(m)), { [IDEMPOTENCY_HEADER]: m.idempotencyKey }, cfg.timeout);
}
