import { describe, expect, it } from 'vitest';
import { whatToCheck, whatToCheckForCluster } from '../../alerts/whatToCheck.js';
import { makeCluster } from './fixtures.js';

describe('whatToCheck', () => {
  it('points each layer at its first place to look', () => {
    expect(whatToCheck('client_sign_in', 'client').steps.join(' ')).toMatch(/Entra sign-in logs.*Conditional Access/s);
    expect(whatToCheck('phone_config', undefined).steps.join(' ')).toMatch(/Licences.*Enterprise Voice.*phone number.*[Vv]oice routing policy/s);
    expect(whatToCheck('sip_device', undefined).steps.join(' ')).toMatch(/SIP Gateway policy.*provisioning.*firmware/s);
    expect(whatToCheck('other', undefined).title).toBe('Call records');
    expect(whatToCheck(undefined, undefined).title).toBe('Call records');
  });

  it('splits Direct Routing by origin (the 560 rule)', () => {
    expect(whatToCheck('direct_routing', 'sbc').steps[0]).toMatch(/SBC logs.*560/);
    expect(whatToCheck('direct_routing', 'microsoft').steps.join(' ')).toMatch(/Microsoft response code.*trunk configuration/s);
    expect(whatToCheck('direct_routing', undefined).title).toBe('Direct Routing');
  });

  it('uses the first layer and origin of a cluster', () => {
    const c = makeCluster({ layers: [{ value: 'phone_config', count: 9 }, { value: 'direct_routing', count: 1 }], origins: [{ value: 'microsoft', count: 10 }] });
    expect(whatToCheckForCluster(c).title).toBe('Teams Phone configuration');
  });
});
