/** Send one notification to one configured receiver. */
import type { ReceiverConfig } from '../receiverConfig.js';
import type { AlertMessage } from '../types.js';
import { sendEmail, type MailPoster } from './email.js';
import { DeliveryError, type FetchLike } from './http.js';
import { sendTeams } from './teams.js';
import { sendWebhook } from './webhook.js';

export interface SendDeps {
  fetch: FetchLike;
  /** Graph sendMail path; without it e-mail receivers fail (retryably) with a clear message. */
  mail?: MailPoster | undefined;
}

export async function sendToReceiver(deps: SendDeps, cfg: ReceiverConfig, m: AlertMessage): Promise<void> {
  switch (cfg.type) {
    case 'webhook':
      return sendWebhook(deps.fetch, cfg, m);
    case 'teams':
      return sendTeams(deps.fetch, cfg, m);
    case 'email':
      if (!deps.mail) throw new DeliveryError('no Graph mail sender available (configure graph credentials)', false);
      return sendEmail(deps.mail, cfg, m);
  }
}
