/** The sample notification `alerts test RECEIVER` sends: realistic numbers, obviously a test. */
import { notificationKey } from './evaluate.js';
import type { AlertMessage } from './types.js';
import { whatToCheck } from './whatToCheck.js';

export function sampleMessage(receiver: string, now: Date, externalUrl: string | null): AlertMessage {
  const at = now.toISOString();
  const fingerprint = '0000000000000000';
  return {
    idempotencyKey: notificationKey('TestAlert', fingerprint, at, 'firing', at, receiver),
    kind: 'firing',
    status: 'firing',
    receiver,
    rule: 'TestAlert',
    fingerprint,
    labels: {
      alertname: 'TestAlert',
      severity: 'info',
      sbc: 'sbc.example.com',
      site: 'EMEA/DE/Example',
      layer: 'direct_routing',
      origin: 'sbc',
      scope: 'site=EMEA/DE/Example, sbc=sbc.example.com',
      fingerprint,
    },
    annotations: {
      summary: 'TEST from cqd-patterns: 42 auth-linked call-setup failures for 7 users on site=EMEA/DE/Example, sbc=sbc.example.com',
      description: 'This is a sample notification sent by `cqd-patterns alerts test`; no action is needed.',
    },
    values: { failures: 42, users: 7, attempts: 380, rate: 0.1105, expected_failures: 6.5, observed_over_expected: 6.46, score: 31.2, top_sip_codes: '401 (30), 407 (12)', top_ms_codes: '560401 (30)', trend: 'new' },
    advice: whatToCheck('direct_routing', 'sbc'),
    startsAt: at,
    endsAt: null,
    externalUrl,
    sentAt: at,
  };
}
