/** E-mail receivers send through Graph sendMail with the collector's own app registration (Mail.Send). */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/log.js';
import type { MailPoster } from '../alerts/receivers/email.js';
import { DeliveryError, isPermanentStatus } from '../alerts/receivers/http.js';
import { graphClientFromConfig } from '../ingest/graph/fromConfig.js';

const graphError = z.looseObject({ statusCode: z.number().int() });

/** undefined when no tenant is configured: e-mail receivers then fail with a clear reason and are retried. */
export function graphMailPoster(config: Config, log: Logger): MailPoster | undefined {
  if (!config.graph.tenantId || !config.graph.clientId) return undefined;
  let client: Client | undefined;
  return {
    async post(path, body) {
      client ??= graphClientFromConfig(config, log);
      try {
        await client.api(path.replace(/^\/v1\.0/, '')).post(body);
      } catch (e) {
        const parsed = graphError.safeParse(e);
        const status = parsed.success ? parsed.data.statusCode : undefined;
        throw new DeliveryError(`Graph sendMail failed${status ? `: HTTP ${status}` : ''}`, status !== undefined && isPermanentStatus(status), status);
      }
    },
  };
}
