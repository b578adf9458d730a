import { afterEach, describe, expect, it } from 'vitest';
import { fetchMailPoster, mailHtml, mailSubject, sendEmail, sendMailRequest } from '../../../alerts/receivers/email.js';
import { globalFetch } from '../../../alerts/receivers/http.js';
import { emailReceiverSchema } from '../../../alerts/receiverConfig.js';
import { sampleMessage } from '../../../alerts/sample.js';
import { startReceiver, type TestReceiver } from '../httpReceiver.js';

const cfg = emailReceiverSchema.parse({ name: 'mail', type: 'email', sender: 'alerts@contoso.com', to: ['voice-oncall@contoso.com', 'noc@contoso.com'] });
const msg = sampleMessage('mail', new Date('2026-11-28T05:00:00.000Z'), 'https://reports.example.com/w?a=1&b=2');

let rx: TestReceiver | undefined;
afterEach(async () => {
  await rx?.close();
  rx = undefined;
});

describe('e-mail receiver (Graph sendMail)', () => {
  it('POSTs /v1.0/users/{sender}/sendMail with an HTML message and no copy in Sent Items', async () => {
    rx = await startReceiver(() => 202);
    const poster = fetchMailPoster(globalFetch, `http://127.0.0.1:${rx.port}`, 5000, async () => 'tok');
    await sendEmail(poster, cfg, msg);
    const req = rx.received[0];
    expect(req?.path).toBe('/v1.0/users/alerts%40contoso.com/sendMail');
    expect(req?.headers['authorization']).toBe('Bearer tok');
    const body: unknown = JSON.parse(req?.body ?? 'null');
    expect(body).toMatchObject({
      message: {
        subject: '[cqd-patterns] FIRING: TestAlert site=EMEA/DE/Example, sbc=sbc.example.com',
        body: { contentType: 'HTML' },
        toRecipients: [{ emailAddress: { address: 'voice-oncall@contoso.com' } }, { emailAddress: { address: 'noc@contoso.com' } }],
      },
      saveToSentItems: false,
    });
  });

  it('escapes HTML and lists what to check first', () => {
    const html = mailHtml({ ...msg, annotations: { summary: '<b>x</b> & y' } });
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt; &amp; y');
    expect(html).toContain('What to check first');
    expect(html).toContain('href="https://reports.example.com/w?a=1&amp;b=2"');
    expect(mailSubject(cfg, { ...msg, kind: 'resolved' })).toMatch(/^\[cqd-patterns\] RESOLVED/);
    expect(sendMailRequest(cfg, msg).path).toBe('/v1.0/users/alerts%40contoso.com/sendMail');
  });

  it('surfaces a Graph error', async () => {
    rx = await startReceiver(() => 403);
    const poster = fetchMailPoster(globalFetch, `http://127.0.0.1:${rx.port}`, 5000);
    await expect(sendEmail(poster, cfg, msg)).rejects.toMatchObject({ permanent: true, status: 403 });
  });
});
