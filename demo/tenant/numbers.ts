/**
 * E.164 numbers for the demo tenant and Microsoft's obfuscation of their last digits (reference §2.4).
 * Country from number: longest matching prefix; '+1' is split US/CA by area code (NANP), see NANP_AREAS.
 */
import type { Rng } from './prng.js';

interface DialPlan {
  cc: string;
  /** Area / trunk prefixes after the country code. */
  areas: readonly string[];
  /** Total national significant number length (digits after the country code). */
  nsnLength: number;
}

export const DIAL_PLANS: Record<string, DialPlan> = {
  DE: { cc: '49', areas: ['30', '89', '40', '69'], nsnLength: 10 },
  FR: { cc: '33', areas: ['1', '4', '6'], nsnLength: 9 },
  GB: { cc: '44', areas: ['20', '161', '131'], nsnLength: 10 },
  US: { cc: '1', areas: ['206', '212', '312', '415'], nsnLength: 10 },
  CA: { cc: '1', areas: ['416', '604', '514'], nsnLength: 10 },
  SG: { cc: '65', areas: ['6'], nsnLength: 8 },
  AU: { cc: '61', areas: ['2', '3'], nsnLength: 9 },
  NL: { cc: '31', areas: ['20', '10'], nsnLength: 9 },
  CH: { cc: '41', areas: ['44', '22'], nsnLength: 9 },
  IT: { cc: '39', areas: ['02', '06'], nsnLength: 10 },
  ES: { cc: '34', areas: ['91', '93'], nsnLength: 9 },
  JP: { cc: '81', areas: ['3', '6'], nsnLength: 10 },
  IN: { cc: '91', areas: ['22', '80'], nsnLength: 10 },
};

/** Area codes that make a '+1' number Canadian; every other '+1' number is US. */
export const NANP_AREAS: Record<string, 'US' | 'CA'> = { '206': 'US', '212': 'US', '312': 'US', '415': 'US', '416': 'CA', '604': 'CA', '514': 'CA' };

/** Digits Microsoft replaces with '*' by country (reference §2.4); other countries are not masked. */
export const MASKED_DIGITS: Record<string, number> = { BE: 3, CH: 4, DE: 3, DK: 3, ES: 3, FI: 3, FR: 4, IT: 3, NL: 3, NO: 3, SE: 3 };

export function makeNumber(rng: Rng, country: string): string {
  const plan = DIAL_PLANS[country];
  if (!plan) throw new RangeError(`no dial plan for ${country}`);
  const area = rng.pick(plan.areas);
  let rest = '';
  for (let i = area.length; i < plan.nsnLength; i++) rest += String(i === area.length ? rng.int(2, 9) : rng.int(0, 9));
  return `+${plan.cc}${area}${rest}`;
}

/** Replace the last digits with '*' where Microsoft does so for the number's country; prefix intact. */
export function maskNumber(number: string, country: string): string {
  const n = MASKED_DIGITS[country];
  if (!n) return number;
  return number.slice(0, number.length - n) + '*'.repeat(n);
}
