import { describe, expect, it } from 'vitest';
import {
  checkCode,
  checkEmail,
  checkKpj,
  checkNik,
  checkNikOrKpj,
  checkPhone,
  findFieldProblems,
  hasProblems,
} from './account-fields';

describe('account field checks', () => {
  it('asks for an empty field before judging its format', () => {
    expect(checkNik('  ')).toBe('fieldRequired');
    expect(checkEmail('')).toBe('fieldRequired');
  });

  it('names the format a field needs', () => {
    expect(checkNik('12345')).toBe('nikInvalid');
    expect(checkKpj('1905555555')).toBe('kpjInvalid');
    expect(checkEmail('rina@')).toBe('emailInvalid');
    expect(checkPhone('12')).toBe('phoneInvalid');
    expect(checkCode('12345a')).toBe('codeFormatInvalid');
    expect(checkNikOrKpj('1904444444')).toBe('recoverIdentifierInvalid');
    expect(checkNikOrKpj('rina@example.com')).toBe('recoverIdentifierInvalid');
  });

  it('lets well-formed values through', () => {
    expect(checkNik('3201014506920001')).toBeNull();
    expect(checkKpj('19055555555')).toBeNull();
    expect(checkEmail('rina.wulandari@example.com')).toBeNull();
    expect(checkPhone('0812-3456-7890')).toBeNull();
    expect(checkCode(' 123456 ')).toBeNull();
    expect(checkNikOrKpj('19044444444')).toBeNull();
    expect(checkNikOrKpj('3201014506920001')).toBeNull();
  });
});

describe('findFieldProblems', () => {
  it('reports each wrong field and nothing for the right ones', () => {
    const problems = findFieldProblems({ nik: '1', kpj: '19055555555' }, { nik: checkNik, kpj: checkKpj });
    expect(problems).toEqual({ nik: 'nikInvalid' });
    expect(hasProblems(problems)).toBe(true);
    expect(hasProblems(findFieldProblems({ kpj: '19055555555' }, { kpj: checkKpj }))).toBe(false);
  });
});
