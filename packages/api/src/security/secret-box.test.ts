import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSecretBoxKey, keyIdOf, openSecret, SecretBoxError, sealSecret } from './secret-box.js';

const key = deriveSecretBoxKey('test-secret-test-secret-test-secret-00');

describe('secret box (AES-256-GCM, HKDF-derived key)', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v2\.[0-9a-f]{8}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(key, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(sealSecret(key, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('detects any altered part', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP');
    const parts = sealed.split('.');
    for (const index of [2, 3, 4]) {
      const altered = [...parts];
      const bytes = Buffer.from(altered[index] ?? '', 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      altered[index] = bytes.toString('base64url');
      expect(() => openSecret(key, altered.join('.'))).toThrow(SecretBoxError);
    }
    expect(() => openSecret(key, `v3.${parts.slice(1).join('.')}`)).toThrow(SecretBoxError);
    expect(() => openSecret(key, parts.filter((_, i) => i !== 1).join('.'))).toThrow(SecretBoxError);
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

  it('names its key, so that a value sealed before a rotation opens with the retired key and no other', () => {
    const retired = deriveSecretBoxKey('test-secret-test-secret-test-secret-00', 'pulih:claim-documents');
    const current = deriveSecretBoxKey('rotated-secret-rotated-secret-rotated-0', 'pulih:claim-documents');
    const sealed = sealSecret(retired, '1234567890');
    expect(sealed.split('.')[1]).toBe(keyIdOf(retired));
    expect(openSecret([current, retired], sealed)).toBe('1234567890');
    expect(() => openSecret([current], sealed)).toThrow(/not configured/);
    expect(sealSecret(current, '1234567890').split('.')[1]).toBe(keyIdOf(current));
  });

  it('still opens the v1 values written before keys were named, with whichever configured key sealed them', () => {
    const retired = deriveSecretBoxKey('test-secret-test-secret-test-secret-00', 'pulih:claim-documents');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', retired, iv);
    const ciphertext = Buffer.concat([cipher.update('NPWP 01.234.567.8-901.000', 'utf8'), cipher.final()]);
    const v1 = ['v1', iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
    expect(openSecret([key, retired], v1)).toBe('NPWP 01.234.567.8-901.000');
    expect(() => openSecret([key], v1)).toThrow(SecretBoxError);
  });
});
