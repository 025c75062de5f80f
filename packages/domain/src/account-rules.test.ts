import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addUtcMonths,
  contactsNeedReconfirmation,
  contactsReconfirmationDueAt,
  isRecentlyAuthenticated,
  matchesRegistryIdentity,
  normalizePersonName,
  type RegistryIdentityClaim,
  type RegistryIdentityRecord,
} from './account-rules.js';

describe('isRecentlyAuthenticated', () => {
  const now = new Date('2024-05-01T03:00:00.000Z');
  it.each([
    ['2024-05-01T03:00:00.000Z', true],
    ['2024-05-01T02:50:00.000Z', true], // exactly 10 minutes ago
    ['2024-05-01T02:49:59.999Z', false],
    ['2024-05-01T09:55:00+07:00', true], // 5 minutes ago, written in WIB
    ['2024-05-01T03:00:02.000Z', true], // a little ahead: clock skew
    ['2024-05-02T03:00:00.000Z', false], // far ahead: never a lasting pass
  ])('for a login at %s says %s', (authenticatedAt, recent) => {
    expect(isRecentlyAuthenticated(authenticatedAt, now)).toBe(recent);
  });

  it('takes another maximum age when given one', () => {
    expect(isRecentlyAuthenticated('2024-05-01T02:40:00Z', now, 30)).toBe(true);
    expect(isRecentlyAuthenticated('2024-05-01T02:59:00Z', now, 0.5)).toBe(false);
  });
});

describe('contactsNeedReconfirmation', () => {
  it.each<[string | null, string, boolean]>([
    [null, '2024-05-01T00:00:00Z', true],
    ['2024-03-15T10:00:00Z', '2025-03-15T09:59:59.999Z', false],
    ['2024-03-15T10:00:00Z', '2025-03-15T10:00:00Z', true],
    ['2024-02-29T12:00:00Z', '2025-02-28T11:59:59Z', false], // leap day: due on the last day of February
    ['2024-02-29T12:00:00Z', '2025-02-28T12:00:00Z', true],
    ['2023-05-31T23:30:00Z', '2024-05-31T23:29:59Z', false],
    ['2024-06-01T06:00:00+07:00', '2025-05-31T23:00:00Z', true], // 2024-05-31T23:00Z in UTC
  ])('for contacts confirmed at %s, at %s says %s', (confirmedAt, now, due) => {
    expect(contactsNeedReconfirmation(confirmedAt, new Date(now))).toBe(due);
  });

  it('takes another number of months when given one', () => {
    expect(contactsNeedReconfirmation('2024-01-31T00:00:00Z', new Date('2024-02-29T00:00:00Z'), 1)).toBe(true);
    expect(contactsNeedReconfirmation('2024-01-31T00:00:00Z', new Date('2024-02-28T23:59:59Z'), 1)).toBe(false);
  });

  const instant = fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true });

  it('is due after 366 days at the latest and never before 365 days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 800 * 86_400_000 }), (confirmed, elapsedMs) => {
        const due = contactsNeedReconfirmation(confirmed.toISOString(), new Date(confirmed.getTime() + elapsedMs));
        if (elapsedMs < 365 * 86_400_000) expect(due).toBe(false);
        if (elapsedMs >= 366 * 86_400_000) expect(due).toBe(true);
      }),
    );
  });

  it('is due exactly from the instant contactsReconfirmationDueAt gives', () => {
    fc.assert(
      fc.property(instant, instant, (confirmed, now) => {
        const dueAt = contactsReconfirmationDueAt(confirmed.toISOString());
        expect(dueAt).not.toBeNull();
        expect(contactsNeedReconfirmation(confirmed.toISOString(), now)).toBe(now.toISOString() >= (dueAt as string));
      }),
    );
    expect(contactsReconfirmationDueAt(null)).toBeNull();
    expect(contactsReconfirmationDueAt('2024-02-29T12:00:00Z')).toBe('2025-02-28T12:00:00.000Z');
  });

  it('stays due once due', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 10 ** 10 }), (confirmed, now, laterMs) => {
        if (contactsNeedReconfirmation(confirmed.toISOString(), now)) {
          expect(contactsNeedReconfirmation(confirmed.toISOString(), new Date(now.getTime() + laterMs))).toBe(true);
        }
      }),
    );
  });

  it('adds calendar months keeping the time of day and clamping to the end of the month', () => {
    const add = (iso: string, months: number): string => new Date(addUtcMonths(Date.parse(iso), months)).toISOString();
    expect(add('2024-01-31T08:15:00.000Z', 1)).toBe('2024-02-29T08:15:00.000Z');
    expect(add('2024-12-31T23:59:59.999Z', 2)).toBe('2025-02-28T23:59:59.999Z');
    expect(add('2024-05-10T00:00:00.000Z', -6)).toBe('2023-11-10T00:00:00.000Z');
  });
});

describe('normalizePersonName', () => {
  it.each([
    ["  Muh. Ma'ruf   amin ", 'MUH MARUF AMIN'],
    ['Siti   Nurhaliza', 'SITI NURHALIZA'],
    ['I Gusti Ngurah Rai', 'I GUSTI NGURAH RAI'],
    ['Ma’ruf', 'MARUF'], // the apostrophe phone keyboards insert
    ['Wijaya, S.Kom.', 'WIJAYA SKOM'],
    ['O`Neil', 'ONEIL'],
    ['ＢＵＤＩ\u00a0SANTOSO', 'BUDI SANTOSO'], // full-width letters and a no-break space
    ['Andi\t\nWijaya', 'ANDI WIJAYA'],
  ])('turns %j into %s', (name, normalized) => {
    expect(normalizePersonName(name)).toBe(normalized);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const once = normalizePersonName(name);
        expect(normalizePersonName(once)).toBe(once);
      }),
    );
  });
});

describe('matchesRegistryIdentity', () => {
  const record: RegistryIdentityRecord = {
    nik: '3174051708900003',
    kpjNumbers: ['19012345678', '220 9876 5432'],
    fullName: 'ANDI WIJAYA',
    birthDate: '1990-08-17',
  };
  const claim: RegistryIdentityClaim = {
    nik: '3174 0517 0890 0003',
    kpj: '22098765432',
    fullName: ' andi  wijaya ',
    birthDate: '1990-08-17',
  };

  it('matches when all four agree, separators, case and spacing aside', () => {
    expect(matchesRegistryIdentity(claim, record)).toBe(true);
    expect(matchesRegistryIdentity({ ...claim, kpj: '190 1234 5678' }, record)).toBe(true);
  });

  it.each<[string, Partial<RegistryIdentityClaim>, Partial<RegistryIdentityRecord>]>([
    ['another NIK', { nik: '3174051708900004' }, {}],
    ['a KPJ the member does not hold', { kpj: '19012345679' }, {}],
    ['another name', { fullName: 'Andi Wijaya Kusuma' }, {}],
    ['another birth date', { birthDate: '1990-08-18' }, {}],
    ['an impossible birth date recorded as typed', { birthDate: '1990-02-30' }, { birthDate: '1990-02-30' }],
    ['a record without a NIK', {}, { nik: null }],
    ['a record without a birth date', {}, { birthDate: null }],
    ['a record without KPJ numbers', {}, { kpjNumbers: [] }],
    [
      'an empty claim matched against empty registry fields',
      { nik: '', kpj: '', fullName: '' },
      { nik: '', kpjNumbers: [''], fullName: '' },
    ],
  ])('does not match %s', (_label, claimChange, recordChange) => {
    expect(matchesRegistryIdentity({ ...claim, ...claimChange }, { ...record, ...recordChange })).toBe(false);
  });

  it('never matches once any one field of a matching claim is changed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('nik', 'kpj', 'birthDate'),
        fc.integer({ min: 0, max: 9 }),
        (field: 'nik' | 'kpj' | 'birthDate', position) => {
          const value = field === 'birthDate' ? '1990-08-17' : field === 'nik' ? '3174051708900003' : '19012345678';
          const digitAt = [...value].map((ch, i) => (/\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
          const index = digitAt[position % digitAt.length] ?? 0;
          const changed = `${value.slice(0, index)}${(Number(value[index]) + 1) % 10}${value.slice(index + 1)}`;
          expect(matchesRegistryIdentity({ ...claim, kpj: '19012345678', [field]: changed }, record)).toBe(false);
        },
      ),
    );
  });
});
