import { createHmac, hash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Tokens are stored as their SHA-256: a stolen table lets nobody in. (Node's one-shot `hash`: a
 * third of `createHash` for a value this short, and every member request hashes its cookie.)
 */
export const hashToken = (token: string): string => hash('sha256', token, 'hex');

/** Keyed hash for values that are guessable (identifiers, short codes). */
export const keyedHash = (secret: string, value: string): string =>
  createHmac('sha256', secret).update(value).digest('hex');
