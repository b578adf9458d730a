/**
 * The two keys that protect EUII: one encrypts clear values in the vault (AES-256-GCM), the other
 * derives pseudonyms (HMAC-SHA-256). From the environment (base64, 32 bytes each) or a key file;
 * when neither exists the first write creates the key file beside the database with mode 0600.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { readEnv, type Env } from '../core/config.js';
import { ConfigError } from '../core/errors.js';

export interface VaultKeys {
  /** AES-256-GCM key for vault.euii; absent when only pseudonymising (e.g. an analyst without the key). */
  vaultKey: Buffer;
  pseudonymKey: Buffer;
  /** Where they came from, for messages (never the keys themselves). */
  origin: string;
}

export const VAULT_KEY_ENV = 'CQD_PATTERNS_VAULT_KEY';
export const PSEUDONYM_KEY_ENV = 'CQD_PATTERNS_PSEUDONYM_KEY';

const keyFileSchema = z.object({ vaultKey: z.string(), pseudonymKey: z.string() }).strict();

function decodeKey(b64: string, where: string): Buffer {
  const k = Buffer.from(b64, 'base64');
  if (k.length !== 32) throw new ConfigError(`${where}: a key must be 32 bytes, base64-encoded (got ${k.length} bytes)`);
  return k;
}

export function defaultKeyFile(dbPath: string): string {
  return `${dbPath}.keys.json`;
}

export interface LoadKeysOptions {
  env: Env;
  keyFile: string | undefined;
  dbPath: string;
  /** Create the key file when no key is configured (writers); readers pass false. */
  create: boolean;
  onCreate?: (file: string) => void;
}

/** Load keys, or undefined when none exist and `create` is false. */
export function loadKeys(opts: LoadKeysOptions): VaultKeys | undefined {
  const envVault = readEnv(VAULT_KEY_ENV, opts.env);
  const envPseud = readEnv(PSEUDONYM_KEY_ENV, opts.env);
  if (envVault || envPseud) {
    if (!envVault || !envPseud) throw new ConfigError(`set both ${VAULT_KEY_ENV} and ${PSEUDONYM_KEY_ENV}, or neither`);
    return { vaultKey: decodeKey(envVault, VAULT_KEY_ENV), pseudonymKey: decodeKey(envPseud, PSEUDONYM_KEY_ENV), origin: 'environment' };
  }
  const file = opts.keyFile ?? defaultKeyFile(opts.dbPath);
  if (existsSync(file)) {
    let parsed: z.infer<typeof keyFileSchema>;
    try {
      parsed = keyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      throw new ConfigError(`${file}: not a key file (expected JSON with vaultKey and pseudonymKey, base64)`);
    }
    return { vaultKey: decodeKey(parsed.vaultKey, `${file}: vaultKey`), pseudonymKey: decodeKey(parsed.pseudonymKey, `${file}: pseudonymKey`), origin: file };
  }
  if (!opts.create) return undefined;
  const keys = { vaultKey: randomBytes(32), pseudonymKey: randomBytes(32) };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ vaultKey: keys.vaultKey.toString('base64'), pseudonymKey: keys.pseudonymKey.toString('base64') }) + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  opts.onCreate?.(file);
  return { ...keys, origin: file };
}
