/** Build the Graph client from validated config: secret from the config (already ${ENV}-substituted) or a file. */
import type { Client } from '@microsoft/microsoft-graph-client';
import { readFileSync } from 'node:fs';
import type { Config } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { createGraphClient } from './client.js';

export function graphClientFromConfig(config: Config, log: Logger, endpointOverride: string | undefined = config.graph.endpointOverride): Client {
  const g = config.graph;
  if (!g.tenantId || !g.clientId) {
    throw new ConfigError('graph.tenantId and graph.clientId are required to read from Microsoft Graph (see README "Connecting a real tenant"), or use --from-dir to import saved files');
  }
  let secret = g.clientSecret;
  if (!secret && g.clientSecretFile) {
    try {
      secret = readFileSync(g.clientSecretFile, 'utf8').trim();
    } catch {
      throw new ConfigError(`graph.clientSecretFile: cannot read ${g.clientSecretFile}`);
    }
  }
  if (!secret && !g.certificatePath) throw new ConfigError('graph: set clientSecret (e.g. ${CQD_PATTERNS_CLIENT_SECRET}), clientSecretFile or certificatePath');
  return createGraphClient({
    tenantId: g.tenantId,
    clientId: g.clientId,
    ...(secret ? { clientSecret: secret } : {}),
    ...(g.certificatePath ? { certificatePath: g.certificatePath } : {}),
    graphUrl: g.graphUrl,
    authorityHost: g.authorityHost,
    ...(endpointOverride ? { endpointOverride } : {}),
    log,
  });
}
