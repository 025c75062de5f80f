// The on-screen numeric keypad's logic, kept pure so it is tested without a browser.

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'backspace' | 'clear';

/** The keys in the order the keypad shows them: a phone-style 3×4 grid. */
export const keypadLayout: readonly KeypadKey[] = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  'clear',
  '0',
  'backspace',
];

export const isDigitKey = (key: KeypadKey): boolean => /^\d$/.test(key);

/** The value after one key press: a digit is added until `maxLength`, backspace drops the last, clear empties. */
export function pressKey(value: string, key: KeypadKey, maxLength: number): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return value.slice(0, -1);
  return value.length >= maxLength ? value : value + key;
}

/** Whatever arrived (a physical keyboard, a paste, a test's fill): its digits only, cut at `maxLength`. */
export function digitsOnly(raw: string, maxLength: number): string {
  return raw.replace(/\D/g, '').slice(0, maxLength);
}

/** A physical key as a keypad key, or null for keys the keypad ignores. */
export function keypadKeyOf(key: string): KeypadKey | null {
  if (/^\d$/.test(key)) return key as KeypadKey;
  if (key === 'Backspace') return 'backspace';
  if (key === 'Escape' || key === 'Delete') return 'clear';
  return null;
}

/** Digits in groups of four (`0813-9876-5432`), as a phone number is read aloud and on the card. */
export function groupDigits(digits: string, size = 4): string {
  return digits.match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? digits;
}
