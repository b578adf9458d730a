import { afterEach, describe, expect, it } from 'vitest';
import { globalFetch } from '../../../alerts/receivers/http.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, adaptiveCard, sendTeams, teamsBody } from '../../../alerts/receivers/teams.js';
import { teamsReceiverSchema } from '../../../alerts/receiverConfig.js';
import { sampleMessage } from '../../../alerts/sample.js';
import type { AlertMessage } from '../../../alerts/types.js';
import { startReceiver, type TestReceiver } from '../httpReceiver.js';

/**
 * The required properties of the Adaptive Card schema (adaptive-card.json, 1.x) for the elements we emit,
 * plus the rules Teams adds: a top-level version, at most 1.5, and a message below 28 KB.
 */
const REQUIRED: Record<string, string[]> = {
  AdaptiveCard: ['type', 'version'],
  TextBlock: ['type', 'text'],
  FactSet: ['type', 'facts'],
  Container: ['type', 'items'],
  ColumnSet: ['type'],
  Image: ['type', 'url'],
  'Action.OpenUrl': ['type', 'url'],
};

function validateElement(el: unknown, path: string, errors: string[]): void {
  if (typeof el !== 'object' || el === null) {
    errors.push(`${path}: not an object`);
    return;
  }
  const o = el as Record<string, unknown>;
  const type = o['type'];
  if (typeof type !== 'string' || !(type in REQUIRED)) {
    errors.push(`${path}: unknown type ${String(type)}`);
    return;
  }
  for (const k of REQUIRED[type] ?? []) if (o[k] === undefined || o[k] === null || o[k] === '') errors.push(`${path}: ${type} lacks ${k}`);
  if (type === 'TextBlock' && typeof o['text'] !== 'string') errors.push(`${path}: text must be a string`);
  if (type === 'FactSet') {
    const facts = o['facts'];
    if (!Array.isArray(facts) || facts.length === 0) errors.push(`${path}: facts must be a non-empty array`);
    else facts.forEach((f: unknown, i) => {
      const fo = f as Record<string, unknown>;
      if (typeof fo['title'] !== 'string' || typeof fo['value'] !== 'string') errors.push(`${path}.facts[${i}]: title and value must be strings`);
    });
  }
  if (type === 'Container') (Array.isArray(o['items']) ? o['items'] : []).forEach((x: unknown, i) => validateElement(x, `${path}.items[${i}]`, errors));
}

function validateCard(card: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const k of REQUIRED['AdaptiveCard'] ?? []) if (card[k] === undefined) errors.push(`card lacks ${k}`);
  if (card['type'] !== 'AdaptiveCard') errors.push('type must be AdaptiveCard');
  const v = Number(card['version']);
  if (!(v >= 1 && v <= 1.5)) errors.push(`version ${String(card['version'])} is not one Teams renders (≤ 1.5)`);
  const body = card['body'];
  if (!Array.isArray(body)) errors.push('body must be an array');
  else body.forEach((el: unknown, i) => validateElement(el, `body[${i}]`, errors));
  const actions = card['actions'];
  if (actions !== undefined) (Array.isArray(actions) ? actions : [actions]).forEach((a: unknown, i) => validateElement(a, `actions[${i}]`, errors));
  return errors;
}

const firing = sampleMessage('teams', new Date('2026-11-28T05:00:00.000Z'), 'https://reports.example.com/weekly');
const resolved: AlertMessage = { ...firing, kind: 'resolved', status: 'resolved', endsAt: '2026-11-28T09:00:00.000Z', externalUrl: null };

let rx: TestReceiver | undefined;
afterEach(async () => {
  await rx?.close();
  rx = undefined;
});

describe('Teams Workflows receiver', () => {
  it('builds a card that has every required field of the schema', () => {
    expect(validateCard(adaptiveCard(firing))).toEqual([]);
    expect(validateCard(adaptiveCard(resolved))).toEqual([]);
    const system: AlertMessage = { ...firing, labels: { alertname: 'IngestFailing', job: 'ingest' }, values: { consecutive_failures: 4 }, advice: null };
    expect(validateCard(adaptiveCard(system))).toEqual([]);
  });

  it('the validator catches a broken card', () => {
    const card = adaptiveCard(firing);
    expect(validateCard({ ...card, version: undefined })).toContain('card lacks version');
    expect(validateCard({ ...card, body: [{ type: 'TextBlock' }] })).toContain('body[0]: TextBlock lacks text');
    expect(validateCard({ ...card, body: [{ type: 'FactSet', facts: [{ title: 'x', value: 3 }] }] })).toContain('body[0].facts[0]: title and value must be strings');
  });

  it('shows the cluster, the numbers, the layer, what to check first and the report link', () => {
    const text = JSON.stringify(adaptiveCard(firing));
    for (const s of ['site=EMEA/DE/Example, sbc=sbc.example.com', 'Failures', '42', 'Distinct users', '11.05 %', 'direct_routing', 'What to check first', 'SBC logs', 'https://reports.example.com/weekly']) {
      expect(text).toContain(s);
    }
    expect(JSON.stringify(adaptiveCard(resolved))).not.toContain('What to check first');
    expect(JSON.stringify(adaptiveCard(resolved))).toContain('Resolved: TestAlert');
  });

  it('posts the Workflows message envelope, under the 28 KB limit', async () => {
    rx = await startReceiver();
    await sendTeams(globalFetch, teamsReceiverSchema.parse({ name: 'teams', type: 'teams', url: rx.url }), firing);
    const body: unknown = JSON.parse(rx.received[0]?.body ?? 'null');
    expect(body).toMatchObject({ type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: { type: 'AdaptiveCard' } }] });
    expect(Buffer.byteLength(JSON.stringify(teamsBody(firing)))).toBeLessThan(28 * 1024);
    expect(rx.received[0]?.headers['idempotency-key']).toBe(firing.idempotencyKey);
  });
});
