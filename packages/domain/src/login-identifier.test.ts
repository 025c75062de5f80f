import { describe, expect, it } from 'vitest';
import { parseLoginIdentifier } from './login-identifier.js';
import { parseMemberLookupKey } from './member-lookup.js';

describe('parseLoginIdentifier', () => {
  it('treats anything with an @ as an email', () => {
    expect(parseLoginIdentifier('Budi@Mail.com')).toEqual({
      ok: true,
      value: { kind: 'email', email: 'budi@mail.com' },
    });
  });
  it('accepts an 11-digit KPJ number, spaces allowed', () => {
    expect(parseLoginIdentifier('190 1234 5678')).toEqual({ ok: true, value: { kind: 'kpj', kpj: '19012345678' } });
  });
  it.each([['1901234567'], ['budi'], ['']])('rejects %s', (raw) => {
    expect(parseLoginIdentifier(raw)).toEqual({ ok: false, error: 'IDENTIFIER_FORMAT' });
  });
});

describe('parseMemberLookupKey', () => {
  it('reads 11 digits as a KPJ and 16 as a NIK', () => {
    expect(parseMemberLookupKey('19012345678')).toEqual({ ok: true, value: { kind: 'kpj', kpj: '19012345678' } });
    expect(parseMemberLookupKey('3174051708900003')).toEqual({
      ok: true,
      value: { kind: 'nik', nik: '3174051708900003' },
    });
  });
  it('says why a 16-digit key is not a valid NIK', () => {
    expect(parseMemberLookupKey('9974051708900003')).toEqual({ ok: false, error: 'NIK_PROVINCE' });
  });
  it('rejects other lengths', () => {
    expect(parseMemberLookupKey('12345')).toEqual({ ok: false, error: 'LOOKUP_KEY_FORMAT' });
  });
});
