/** The emulator's Entra ID side: OpenID discovery, client-credentials tokens, and the bearer check. */
import { randomBytes } from 'node:crypto';
import { graphError } from './replies.js';
import type { EmuReply, EmuRequest, EmulatorOptions } from './types.js';

export interface TokenStore {
  openidConfiguration(tenant: string): EmuReply;
  token(tenant: string, req: EmuRequest): EmuReply;
  /** undefined when the request carries a live token, else the 401 reply. */
  check(req: EmuRequest): EmuReply | undefined;
}

function tenantError(tenant: string): EmuReply {
  return {
    status: 400,
    body: { error: 'invalid_request', error_description: `AADSTS90002: Tenant '${tenant.slice(0, 8)}…' not found.`, error_codes: [90002] },
  };
}

export function createTokenStore(tenantId: string, opts: EmulatorOptions, epoch: () => number): TokenStore {
  const issued = new Map<string, { epoch: number; expiresAtMs: number }>();
  const login = opts.loginOrigin ?? 'https://login.microsoftonline.com';
  const lifetimeS = opts.tokenLifetimeS ?? 3600;
  return {
    openidConfiguration(tenant) {
      if (tenant !== tenantId) return tenantError(tenant);
      const base = `${login}/${tenantId}`;
      return {
        status: 200,
        body: {
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
          jwks_uri: `${login}/${tenantId}/discovery/v2.0/keys`,
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          tenant_region_scope: 'EU',
        },
      };
    },
    token(tenant, req) {
      if (tenant !== tenantId) return tenantError(tenant);
      const form = new URLSearchParams(req.body);
      const bad = (code: number, description: string): EmuReply => ({
        status: 401,
        body: { error: 'invalid_client', error_description: `AADSTS${code}: ${description}`, error_codes: [code] },
      });
      if (form.get('grant_type') !== 'client_credentials') {
        return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'AADSTS70003: only client_credentials' } };
      }
      if (form.get('client_id') !== opts.clientId) return bad(700016, 'Application not found in the directory.');
      const assertion = form.get('client_assertion');
      if (assertion === null && form.get('client_secret') !== opts.clientSecret) return bad(7000215, 'Invalid client secret provided.');
      const scope = form.get('scope') ?? '';
      if (!/\/\.default(\s|$)/.test(scope)) {
        return { status: 400, body: { error: 'invalid_scope', error_description: 'AADSTS1002012: scope must end in /.default' } };
      }
      const token = `emu.${randomBytes(18).toString('base64url')}`;
      issued.set(token, { epoch: epoch(), expiresAtMs: opts.now().getTime() + lifetimeS * 1000 });
      return {
        status: 200,
        body: { token_type: 'Bearer', expires_in: lifetimeS, ext_expires_in: lifetimeS, access_token: token },
      };
    },
    check(req) {
      const header = req.headers['authorization'];
      const value = Array.isArray(header) ? header[0] : header;
      const m = /^Bearer\s+(\S+)$/i.exec(value ?? '');
      const entry = m?.[1] === undefined ? undefined : issued.get(m[1]);
      if (!entry) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
      if (entry.epoch !== epoch() || entry.expiresAtMs <= opts.now().getTime()) {
        return graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
      }
      return undefined;
    },
  };
}
