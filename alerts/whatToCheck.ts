/**
 * "What to check first" for a failure cluster, by its dominant layer (and, for Direct Routing, origin).
 * The one place this text lives: alerts, cards, mails and the weekly report all read it from here.
 */
import type { Cluster } from '../transform/patterns/cluster.js';

export type Layer = 'client_sign_in' | 'phone_config' | 'sip_device' | 'direct_routing' | 'other';

export interface CheckAdvice {
  /** Short heading, e.g. 'Direct Routing, rejected by the SBC'. */
  title: string;
  /** Ordered steps, most likely cause first. */
  steps: string[];
}

const ADVICE: Record<string, CheckAdvice> = {
  client_sign_in: {
    title: 'Client sign-in (Entra ID)',
    steps: [
      'Entra sign-in logs for the affected users and the Teams apps: error codes and failure reasons around the failures.',
      'Conditional Access policies that apply to Teams / Skype for Business Online (recent changes, location or device conditions).',
      'Whether the cluster follows one client build or one site (token refresh after an update, a proxy breaking authentication).',
    ],
  },
  phone_config: {
    title: 'Teams Phone configuration',
    steps: [
      'Licences: Teams Phone (and Calling Plan or Operator Connect) assigned to the affected users.',
      'Enterprise Voice enabled and a phone number assigned to each affected user.',
      'Voice routing policy (PSTN usages and routes) and dial plan of the affected users.',
    ],
  },
  sip_device: {
    title: 'SIP device / SIP Gateway',
    steps: [
      'SIP Gateway policy (AllowSIPDevicesCalling) and the users the devices sign in as.',
      'Device provisioning: the SIP Gateway provisioning URL and region, and device pairing/sign-in state.',
      'Device firmware: a version supported by SIP Gateway; compare failing and working models.',
    ],
  },
  direct_routing_sbc: {
    title: 'Direct Routing, final response from the SBC',
    steps: [
      'SBC logs and the SIP call flow for the failed calls: the Microsoft code starts with 560, so the final SIP response came from the SBC (its last three digits are the SIP code).',
      'For 401/407: digest authentication between the SBC and its carrier trunk (credentials, realm, registration).',
      'The SBC vendor configuration for the trunk: number manipulation, codecs, TLS and supported headers.',
    ],
  },
  direct_routing_microsoft: {
    title: 'Direct Routing, final response from Microsoft',
    steps: [
      'The meaning of the Microsoft response code (callEndSubReason) in the Direct Routing SIP response code reference.',
      'The trunk configuration in Teams: the online PSTN gateway (FQDN, SIP signalling port, enabled), OPTIONS health and the certificate CN/SAN.',
      'Voice routes and PSTN usages that select this trunk.',
    ],
  },
  direct_routing: {
    title: 'Direct Routing',
    steps: [
      'The Microsoft response code: if it starts with 560 the SBC sent the final response (check SBC logs); otherwise look it up in the Direct Routing response code reference.',
      'The trunk configuration in Teams and the SBC logs for the failed calls.',
    ],
  },
  other: {
    title: 'Call records',
    steps: [
      'The call records of the failed attempts: failure stage and reason, the endpoints and their client versions.',
      'Whether the failures share a network (site subnet, VPN) or a time of day.',
    ],
  },
};

/** Advice for a dominant layer and origin (either may be unknown). */
export function whatToCheck(layer: string | undefined, origin: string | undefined): CheckAdvice {
  if (layer === 'direct_routing') {
    if (origin === 'sbc') return ADVICE['direct_routing_sbc'] ?? fallback();
    if (origin === 'microsoft') return ADVICE['direct_routing_microsoft'] ?? fallback();
    return ADVICE['direct_routing'] ?? fallback();
  }
  return (layer !== undefined ? ADVICE[layer] : undefined) ?? fallback();
}

function fallback(): CheckAdvice {
  return ADVICE['other'] ?? { title: 'Call records', steps: [] };
}

/** The dominant layer and origin of a cluster: the first entries of its `layers` / `origins` (sorted by count). */
export function dominantLayer(c: Pick<Cluster, 'layers' | 'origins'>): { layer: string | undefined; origin: string | undefined } {
  return { layer: c.layers[0]?.value, origin: c.origins[0]?.value };
}

export function whatToCheckForCluster(c: Pick<Cluster, 'layers' | 'origins'>): CheckAdvice {
  const { layer, origin } = dominantLayer(c);
  return whatToCheck(layer, origin);
}
