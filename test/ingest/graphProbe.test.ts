import { describe, expect, it } from 'vitest';
import { GraphResponseError } from '../../ingest/graph/paging.js';
import { explainProbeError } from '../../ingest/graphProbe.js';

describe('doctor: Graph probe errors', () => {
  it('turns a 403 into the missing permission (and licence for sign-ins)', () => {
    expect(explainProbeError('callRecords', new GraphResponseError(403, 'Authorization_RequestDenied', '/communications/callRecords'))).toMatch(/missing application permission CallRecords\.Read\.All/);
    expect(explainProbeError('signIns', new GraphResponseError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', '/auditLogs/signIns'))).toMatch(/AuditLog\.Read\.All.*P1 or P2/);
  });
  it('explains a refused token and passes other statuses through', () => {
    expect(explainProbeError('pstnCalls', new GraphResponseError(401, 'InvalidAuthenticationToken', '/x'))).toMatch(/token was refused/);
    expect(explainProbeError('pstnCalls', new GraphResponseError(503, undefined, '/x'))).toBe('HTTP 503');
  });
});
