import { describe, expect, it } from 'vitest';
import { deriveSecretBoxKey, openSecret, SecretBoxError, sealSecret } from './secret-box.js';

const key = deriveSecretBoxKey('test-secret-test-secret-test-secret-00');

describe('secret box (AES-256-GCM, HKDF-derived key)', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(key, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(sealSecret(key, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('detects any altered part', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP');
    const parts = sealed.split('.');
    for (const index of [1, 2, 3]) {
      const altered = [...parts];
      const bytes = Buffer.from(altered[index] ?? '', 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      altered[index] = bytes.toString('base64url');
      expect(() => openSecret(key, altered.join('.'))).toThrow(SecretBoxError);
    }
    expect(() => openSecret(key, `v2.${parts.slice(1).join('.')}`)).toThrow(SecretBoxError);
    expect(() => openSecret(key, 'JBSWY3DPEHPK3PXP')).toThrow(SecretBoxError);
  });

  it('refuses to open with a key derived from another server secret or for another purpose', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(() => openSecret(deriveSecretBoxKey('another-secret-another-secret-another'), sealed)).toThrow(
      SecretBoxError,
    );
    expect(() =>
      openSecret(deriveSecretBoxKey('test-secret-test-secret-test-secret-00', 'pulih:other'), sealed),
    ).toThrow(SecretBoxError);
  });
});
