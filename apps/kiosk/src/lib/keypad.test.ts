import { describe, expect, it } from 'vitest';
import { digitsOnly, groupDigits, type KeypadKey, keypadKeyOf, keypadLayout, pressKey } from './keypad';

/** Presses keys one after another from an empty field. */
const press = (keys: readonly KeypadKey[], maxLength: number, start = ''): string =>
  keys.reduce((value, key) => pressKey(value, key, maxLength), start);

describe('pressKey', () => {
  it('adds digits in order', () => {
    expect(press(['1', '9', '0', '4'], 16)).toBe('1904');
  });

  it('stops at the maximum length and ignores further digits', () => {
    expect(press(['1', '2', '3', '4', '5', '6', '7'], 6)).toBe('123456');
    expect(pressKey('123456', '9', 6)).toBe('123456');
  });

  it('drops the last digit on backspace, and does nothing on an empty field', () => {
    expect(pressKey('1904', 'backspace', 16)).toBe('190');
    expect(pressKey('', 'backspace', 16)).toBe('');
    expect(press(['1', '2', 'backspace', '3'], 16)).toBe('13');
  });

  it('empties the field on clear', () => {
    expect(pressKey('19044444444', 'clear', 16)).toBe('');
    expect(press(['clear', '5'], 16, '123')).toBe('5');
  });

  it('lets a full field take a digit again after a backspace', () => {
    expect(press(['backspace', '0'], 6, '123456')).toBe('123450');
  });
});

describe('keypadLayout', () => {
  it('has every digit once, plus backspace and clear', () => {
    expect([...keypadLayout].sort()).toEqual(
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'backspace', 'clear'].sort(),
    );
  });
});

describe('digitsOnly', () => {
  it('keeps the digits of typed or pasted text, cut at the maximum length', () => {
    expect(digitsOnly('0813-9876-5432', 13)).toBe('081398765432');
    expect(digitsOnly('12a34 56', 4)).toBe('1234');
    expect(digitsOnly('', 4)).toBe('');
  });
});

describe('keypadKeyOf', () => {
  it('maps digits, Backspace, Delete and Escape of a physical keyboard', () => {
    expect(keypadKeyOf('7')).toBe('7');
    expect(keypadKeyOf('Backspace')).toBe('backspace');
    expect(keypadKeyOf('Delete')).toBe('clear');
    expect(keypadKeyOf('Escape')).toBe('clear');
  });

  it('ignores everything else', () => {
    for (const key of ['a', 'Enter', 'Tab', '+', '12', ' ']) expect(keypadKeyOf(key)).toBeNull();
  });
});

describe('groupDigits', () => {
  it('groups in fours from the left', () => {
    expect(groupDigits('081398765432')).toBe('0813-9876-5432');
    expect(groupDigits('08139')).toBe('0813-9');
    expect(groupDigits('')).toBe('');
  });
});
