import { describe, expect, it } from 'vitest';
import { maskEmail, normalizeEmail } from './email.js';

describe('normalizeEmail', () => {
  it('lower-cases and trims an address', () => {
    expect(normalizeEmail('  Andi.Wijaya@Gmail.COM ')).toEqual({ ok: true, value: 'andi.wijaya@gmail.com' });
  });
  it.each([['andi'], ['andi@'], ['@gmail.com'], ['andi wijaya@gmail.com'], ['andi@gmail'], ['a@b@c.id']])(
    'rejects %s',
    (raw) => {
      expect(normalizeEmail(raw)).toEqual({ ok: false, error: 'EMAIL_FORMAT' });
    },
  );
});

describe('maskEmail', () => {
  it.each([
    ['andi@gmail.com', 'a***i@gmail.com'],
    ['siti.rahayu@yahoo.co.id', 's***u@yahoo.co.id'],
    ['ab@mail.id', 'a***@mail.id'],
    ['x@mail.id', 'x***@mail.id'],
  ])('masks %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
