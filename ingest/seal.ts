/** AES-256-GCM sealing of clear EUII for vault.euii: base64(iv).base64(tag).base64(ciphertext). */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CqdError } from '../core/errors.js';

/** IVs are cut from a pooled CSPRNG buffer (one randomBytes call per 4,096 seals); each IV is used once. */
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + 12 > ivPool.length) {
    ivPool = randomBytes(12 * 4096);
    ivAt = 0;
  }
  ivAt += 12;
  return ivPool.subarray(ivAt - 12, ivAt);
}

export function seal(key: Buffer, clear: string, aad: string): string {
  const iv = nextIv();
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
