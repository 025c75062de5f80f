import { describe, expect, it } from 'vitest';
import { motherNameDigest, motherNameMatches } from './identity-digest.js';
import { deriveSecretBoxKey } from './secret-box.js';

const key = deriveSecretBoxKey('identity-digest-test-secret-0000000000', 'pulih:identity-digests');
const otherKey = deriveSecretBoxKey('another-server-secret-0000000000000000', 'pulih:identity-digests');

describe("mother's maiden name kept as keyed digests", () => {
  it('gives one digest per word, sorted, in which no letter of the name is left', () => {
    const digest = motherNameDigest(key, 'Sri Wahyuni') ?? '';
    expect(digest.split(' ')).toHaveLength(2);
    expect(digest.split(' ')).toEqual([...digest.split(' ')].sort());
    expect(digest).toMatch(/^[A-Za-z0-9_-]{16} [A-Za-z0-9_-]{16}$/);
    expect(digest.toUpperCase()).not.toContain('SRI');
    expect(digest.toUpperCase()).not.toContain('WAHYUNI');
  });

  it('reads case, spacing, titles, old spelling and word order as the same name', () => {
    const digest = motherNameDigest(key, 'SRI WAHYUNI');
    for (const variant of ['sri   wahyuni', 'Hj. Sri Wahjoeni', 'WAHYUNI SRI', ' Sri Wahyuni '])
      expect(motherNameDigest(key, variant)).toBe(digest);
    expect(motherNameDigest(key, 'SRI WAHYUNINGSIH')).not.toBe(digest);
  });

  it('depends on the key: a stolen database cannot be matched against a list of names without it', () => {
    expect(motherNameDigest(otherKey, 'SRI WAHYUNI')).not.toBe(motherNameDigest(key, 'SRI WAHYUNI'));
  });

  it('keeps nothing for a name without letters, and never matches it', () => {
    expect(motherNameDigest(key, '')).toBeNull();
    expect(motherNameDigest(key, ' - . ')).toBeNull();
    expect(motherNameMatches(key, null, '')).toBe(false);
    expect(motherNameMatches(key, motherNameDigest(key, 'SUMARNI'), '')).toBe(false);
  });

  it('matches the stated name against the digest on record, and nothing else', () => {
    const onRecord = motherNameDigest(key, 'SUMARNI');
    expect(motherNameMatches(key, onRecord, 'sumarni')).toBe(true);
    expect(motherNameMatches(key, onRecord, 'SUMARMI')).toBe(false);
    expect(motherNameMatches(key, onRecord, 'SUMARNI WATI')).toBe(false);
    expect(motherNameMatches(otherKey, onRecord, 'SUMARNI')).toBe(false);
  });
});
