/**
 * E-mail receiver through Microsoft Graph sendMail: POST /v1.0/users/{sender}/sendMail (application
 * permission Mail.Send). The HTTP side is injected as a MailPoster so production can use the project's
 * Graph client (token, throttling) and tests a plain fetch against 127.0.0.1.
 */
import type { EmailReceiverConfig } from '../receiverConfig.js';
import { formatValue } from '../template.js';
import type { AlertMessage } from '../types.js';
import { postJson, type FetchLike } from './http.js';

export interface MailPoster {
  /** POST `body` as JSON to a Graph path such as '/v1.0/users/x/sendMail'; rejects on failure. */
  post(path: string, body: unknown): Promise<void>;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function mailSubject(cfg: Pick<EmailReceiverConfig, 'subject_prefix'>, m: AlertMessage): string {
  const what = m.kind === 'resolved' ? 'RESOLVED' : m.kind === 'reminder' ? 'STILL FIRING' : 'FIRING';
  return `${cfg.subject_prefix} ${what}: ${m.rule} ${m.labels['scope'] ?? m.labels['source'] ?? m.labels['job'] ?? ''}`.trim();
}

export function mailHtml(m: AlertMessage): string {
  const rows = Object.keys(m.values)
    .sort()
    .map((k) => `<tr><th align="left">${esc(k)}</th><td>${esc(formatValue(m.values[k]))}</td></tr>`)
    .join('');
  const labels = Object.keys(m.labels)
    .sort()
    .map((k) => `${esc(k)}=${esc(m.labels[k] ?? '')}`)
    .join(', ');
  const advice =
    m.advice && m.kind !== 'resolved'
      ? `<h3>What to check first: ${esc(m.advice.title)}</h3><ol>${m.advice.steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>`
      : '';
  const link = m.externalUrl ? `<p><a href="${esc(m.externalUrl)}">Open the report</a></p>` : '';
  return [
    `<h2>${esc(m.annotations['summary'] ?? m.rule)}</h2>`,
    m.annotations['description'] ? `<p>${esc(m.annotations['description'])}</p>` : '',
    `<table>${rows}</table>`,
    advice,
    link,
    `<p style="color:#777">${esc(labels)}<br>since ${esc(m.startsAt)}${m.endsAt ? `, resolved ${esc(m.endsAt)}` : ''} · fingerprint ${esc(m.fingerprint)}</p>`,
  ].join('\n');
}

export function sendMailRequest(cfg: EmailReceiverConfig, m: AlertMessage): { path: string; body: object } {
  return {
    path: `/v1.0/users/${encodeURIComponent(cfg.sender)}/sendMail`,
    body: {
      message: {
        subject: mailSubject(cfg, m),
        body: { contentType: 'HTML', content: mailHtml(m) },
        toRecipients: cfg.to.map((address) => ({ emailAddress: { address } })),
      },
      saveToSentItems: false,
    },
  };
}

export async function sendEmail(poster: MailPoster, cfg: EmailReceiverConfig, m: AlertMessage): Promise<void> {
  const req = sendMailRequest(cfg, m);
  await poster.post(req.path, req.body);
}

/** A MailPoster over plain fetch: `baseUrl` + path, optional bearer token (tests, or a token you already hold). */
export function fetchMailPoster(fetchImpl: FetchLike, baseUrl: string, timeoutMs: number, token?: () => Promise<string>): MailPoster {
  return {
    async post(path, body) {
      const headers: Record<string, string> = {};
      if (token) headers['authorization'] = `Bearer ${await token()}`;
      await postJson(fetchImpl, `${baseUrl.replace(/\/$/, '')}${path}`, JSON.stringify(body), headers, timeoutMs);
    },
  };
}
