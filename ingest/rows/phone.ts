/**
 * What the analysis needs from a phone number, derived before the number is pseudonymised: the
 * country (from the E.164 prefix, via libphonenumber-js) and whether Microsoft masked its last digits.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export interface PhoneFacts {
  country: string | null;
  masked: boolean;
}

/** Parsing is the slow part of mapping a log row and users' numbers repeat: memoised, bounded. */
const memo = new Map<string, PhoneFacts>();
const MEMO_MAX = 100_000;

export function phoneFacts(number: string | null | undefined): PhoneFacts {
  if (!number) return { country: null, masked: false };
  const hit = memo.get(number);
  if (hit) return { ...hit };
  const facts = parseFacts(number);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(number, facts);
  return { ...facts };
}

function parseFacts(number: string): PhoneFacts {
  const masked = number.includes('*');
  // Masked digits are replaced by zeros: the country sits in the prefix, which Microsoft leaves intact.
  const digits = number.replace(/\*/g, '0').replace(/^tel:/i, '').trim();
  if (!digits.startsWith('+')) return { country: null, masked };
  const parsed = parsePhoneNumberFromString(digits);
  return { country: parsed?.country ?? null, masked };
}
