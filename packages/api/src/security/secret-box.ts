import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const VERSION_1 = 'v1';
const VERSION = 'v2';
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Opening failed: wrong key, altered text or an unknown format. */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

/** A 256-bit key for one purpose, derived from the server secret with HKDF-SHA256. */
export const deriveSecretBoxKey = (serverSecret: string, info = 'pulih:totp'): Buffer =>
  Buffer.from(hkdfSync('sha256', serverSecret, Buffer.alloc(0), info, 32));

/**
 * A short fingerprint of a key (8 hex characters), stored with what it sealed so that keys can
 * rotate: a value names the key that opens it. It reveals nothing of the key.
 */
export const keyIdOf = (key: Buffer): string =>
  createHash('sha256').update('pulih:document-key-id').update(key).digest().subarray(0, KEY_ID_BYTES).toString('hex');

/**
 * AES-256-GCM; the result is `v2.<key id>.<iv>.<tag>.<ciphertext>` (key id in hex, the rest
 * base64url), so that a value sealed before a key rotation still names the key that opens it.
 */
export function sealSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyIdOf(key), ...[iv, tag, ciphertext].map((part) => part.toString('base64url'))].join('.');
}

/**
 * Decrypts what `sealSecret` produced with whichever of `keys` (the current one first, then the
 * retired ones still configured to read) it names; a `v1` value, which names no key, is tried
 * with each. Throws `SecretBoxError` unless a key is right and every byte is as sealed.
 */
export function openSecret(keys: Buffer | readonly Buffer[], sealed: string): string {
  const keyring = Buffer.isBuffer(keys) ? [keys] : keys;
  const parts = sealed.split('.');
  let candidates: readonly Buffer[];
  let body: string[];
  if (parts.length === 5 && parts[0] === VERSION) {
    const key = keyring.find((candidate) => keyIdOf(candidate) === parts[1]);
    if (!key) throw new SecretBoxError(`sealed with key ${parts[1]}, which is not configured`);
    candidates = [key];
    body = parts.slice(2);
  } else if (parts.length === 4 && parts[0] === VERSION_1) {
    candidates = keyring;
    body = parts.slice(1);
  } else {
    throw new SecretBoxError('unknown sealed-secret format');
  }
  const [iv, tag, ciphertext] = body.map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretBoxError('malformed sealed secret');
  }
  for (const key of candidates) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // The next key, if any.
    }
  }
  throw new SecretBoxError('the sealed secret was altered or the key is wrong');
}
