import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Opening failed: wrong key, altered text or an unknown format. */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

/** A 256-bit key for one purpose, derived from the server secret with HKDF-SHA256. */
export const deriveSecretBoxKey = (serverSecret: string, info = 'pulih:totp'): Buffer =>
  Buffer.from(hkdfSync('sha256', serverSecret, Buffer.alloc(0), info, 32));

/** AES-256-GCM; the result is `v1.<iv>.<tag>.<ciphertext>`, each part base64url. */
export function sealSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts what `sealSecret` produced; throws `SecretBoxError` unless the key and every byte are right. */
export function openSecret(key: Buffer, sealed: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError('unknown sealed-secret format');
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretBoxError('malformed sealed secret');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('the sealed secret was altered or the key is wrong');
  }
}
