import { describe, expect, it } from 'vitest';
import { describeCode, msCodeMeaning, sipCodeMeaning } from '../../reports/codes.js';

describe('code meanings', () => {
  it('applies the 560 rule: the SBC sent the final response, last three digits are the SIP code', () => {
    expect(msCodeMeaning(560403)).toEqual({ code: '560403', meaning: 'from the SBC: SIP 403 Forbidden', origin: 'sbc' });
    expect(msCodeMeaning(510560)).toEqual({ code: '510560', meaning: 'user not Enterprise Voice enabled', origin: 'microsoft' });
  });

  it('knows SIP and AADSTS codes and falls back by class', () => {
    expect(sipCodeMeaning(407)).toBe('Proxy Authentication Required');
    expect(sipCodeMeaning(499)).toBe('request failure');
    expect(describeCode('aadsts', '53003').meaning).toBe('blocked by Conditional Access');
    expect(describeCode('sip', 'x').meaning).toBe('unknown code');
  });
});
