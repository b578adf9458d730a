/** AES-256-GCM sealing of clear EUII for vault.euii: base64(iv).base64(tag).base64(ciphertext). */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CqdError } from '../core/errors.js';

export function seal(key: Buffer, clear: string, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(clear, 'utf8'), c.final()]);
  return `${iv.toString('base64')}.${c.getAuthTag().toString('base64')}.${ct.toString('base64')}`;
}

/** Open a sealed value; `aad` must be the pseudonym it was sealed for (a swapped row fails). */
export function unseal(key: Buffer, sealed: string, aad: string): string {
  const [iv, tag, ct] = sealed.split('.');
  if (!iv || !tag || ct === undefined) throw new CqdError('vault: malformed sealed value');
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(ct, 'base64')), d.final()]).toString('utf8');
  } catch {
    throw new CqdError('vault: cannot decrypt (wrong vault key?)');
  }
}
