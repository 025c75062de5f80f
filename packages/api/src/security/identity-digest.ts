import { createHmac, timingSafeEqual } from 'node:crypto';
import { nameDigestTokens } from '@pulih/domain';
import { openSecret, sealSecret } from './secret-box.js';

/**
 * The mother's maiden name as the registry keeps it: for each distinct canonical word of the name
 * (titles dropped, old spellings folded: `nameDigestTokens`), an HMAC-SHA256 under the identity
 * key cut to 96 bits (base64url), sorted and joined by spaces. It can be compared — the identity
 * check of a call-center case, the duplicate engine — but never shown back: not to the member, not
 * to staff. Without the key, the digests of a stolen database cannot be tried against a list of
 * names. The key cannot rotate without collecting the names again (a digest cannot be re-keyed).
 */
export function motherNameDigest(key: Buffer, raw: string): string | null {
  const tokens = nameDigestTokens(raw);
  if (tokens.length === 0) return null;
  return tokens
    .map((token) => createHmac('sha256', key).update(`pulih:mother-name:${token}`).digest().subarray(0, 12))
    .map((digest) => digest.toString('base64url'))
    .sort()
    .join(' ');
}

/** Whether the name a caller states is the one on record, compared digest to digest in constant time. */
export function motherNameMatches(key: Buffer, digestOnRecord: string | null, stated: string): boolean {
  const digest = motherNameDigest(key, stated);
  if (digestOnRecord === null || digest === null) return false;
  const a = Buffer.from(digestOnRecord);
  const b = Buffer.from(digest);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The keys that turn a clear mother's name written by an older version into its digest. */
export interface IdentityMigrationKeys {
  readonly identityKey: Buffer;
  /** The claim-document keys (current first), which sealed the values of correction requests. */
  readonly documentKeys: readonly Buffer[];
}

const KEYS_NEEDED =
  "the database holds mothers' names written before they were kept as digests: start the server with its keys (PULIH_IDENTITY_KEY, PULIH_DOCUMENT_KEY) to convert them";

/**
 * SQL functions the migration that retires clear mothers' names calls (0007): one turns a clear
 * name into its digest, the other re-seals the value of a correction request of the mother's name
 * as the digest of that value. Registered on every connection; without keys they refuse any row,
 * so a database with such rows cannot be migrated by a process that lacks the keys.
 */
export function registerIdentityMigrationFunctions(
  sqlite: { function: (name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown) => unknown },
  keys: IdentityMigrationKeys | undefined,
): void {
  sqlite.function('pulih_mother_name_digest', { deterministic: true }, (value) => {
    if (value === null) return null;
    if (!keys) throw new Error(KEYS_NEEDED);
    return motherNameDigest(keys.identityKey, String(value));
  });
  sqlite.function('pulih_reseal_mother_name_value', { deterministic: false }, (value) => {
    if (value === null) return null;
    if (!keys) throw new Error(KEYS_NEEDED);
    const [current] = keys.documentKeys;
    if (!current) throw new Error(KEYS_NEEDED);
    const clear = openSecret(keys.documentKeys, String(value));
    return sealSecret(current, motherNameDigest(keys.identityKey, clear) ?? '');
  });
}
