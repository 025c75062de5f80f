import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeNik } from '../nik.js';
import { comparePair, withinOneEdit } from './compare.js';
import { findDuplicates, nameFrequenciesOf } from './engine.js';
import { nameDigestTokens } from './names.js';
import { type DuplicateRecord, prepareRecord } from './record.js';

const base: DuplicateRecord = {
  recordId: 'A',
  nik: '3273011708900001',
  kpj: '19011111111',
  fullName: 'SUPARMAN HADIKUSUMO',
  birthDate: '1990-08-17',
  sex: 'L',
  motherName: 'SUMARNI',
  phone: '081234567890',
  email: 'suparman@example.com',
};

/** A background of unrelated people so that name frequencies are realistic. */
const crowd: DuplicateRecord[] = Array.from({ length: 40 }, (_, i) => ({
  recordId: `X${i}`,
  nik: composeNik({
    provinceCode: '35',
    regencyCode: '01',
    districtCode: '02',
    birthDate: `19${70 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
    sex: i % 2 ? 'P' : 'L',
    serial: 1,
  }),
  kpj: `2900000${String(i).padStart(4, '0')}`,
  fullName:
    i % 2 ? `SITI NUR ${['AMINAH', 'RAHAYU', 'LESTARI', 'WAHYUNI'][i % 4]}` : `MUHAMMAD ${['RIZKI', 'ALI'][i % 2]}`,
  birthDate: `19${70 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
  sex: i % 2 ? 'P' : 'L',
  motherName: 'SRI',
  phone: '',
  email: '',
}));

function compare(a: DuplicateRecord, b: DuplicateRecord) {
  const prepared = [...crowd, a, b].map(prepareRecord);
  const frequencies = nameFrequenciesOf(prepared);
  return comparePair(prepareRecord(a), prepareRecord(b), frequencies);
}

const codes = (a: DuplicateRecord, b: DuplicateRecord) => compare(a, b).reasons.map((r) => r.code);

/** Another registration of the same person: new KPJ, new contacts. */
const again = (over: Partial<DuplicateRecord>): DuplicateRecord => ({
  ...base,
  recordId: 'B',
  kpj: '19022222222',
  phone: '',
  email: '',
  ...over,
});

describe('comparePair: the same person written differently', () => {
  it.each<[string, Partial<DuplicateRecord>, string]>([
    ['old spelling Soeparman', { fullName: 'SOEPARMAN HADIKOESOEMO' }, 'NAME_EQUAL_NORMALISED'],
    ['titles and degrees', { fullName: 'Drs. H. Suparman Hadikusumo, S.E., M.M.' }, 'NAME_EQUAL'],
    ['a typo', { fullName: 'SUPARMAN HADIKUSMO' }, 'NAME_NEARLY_EQUAL'],
    ['NIK with a transposed pair', { nik: '3273011708900010' }, 'NIK_TRANSPOSED'],
    ['NIK with one digit mistyped', { nik: '3273011709900001' }, 'NIK_ONE_DIGIT'],
    ['NIK with a dropped digit', { nik: '327301170890001' }, 'NIK_INDEL'],
    ['NIK missing', { nik: '' }, 'BIRTH_EQUAL'],
    ['birth day and month swapped', { birthDate: '1990-17-08'.replace('17-08', '08-17') }, 'BIRTH_EQUAL'],
    ['same KPJ, name abbreviated', { kpj: base.kpj, fullName: 'SUPARMAN H.' }, 'KPJ_EQUAL'],
  ])('%s → match', (_, over, code) => {
    const result = compare(base, again(over));
    expect(result.decision).toBe('match');
    expect(result.reasons.map((r) => r.code)).toContain(code);
  });

  it.each([
    ['Djoko Santoso', 'Joko Santoso'],
    ['Tjahjo Prasetyo', 'Cahyo Prasetyo'],
    ['Jusuf Hidayat', 'Yusuf Hidayat'],
    ['Muhammad Rizki Hidayat', 'M. Rizki Hidayat'],
    ['Mohammad Rizki Hidayat', 'Moch. Rizki Hidayat'],
  ])('%s and %s with the same NIK and birth date → match, name equal after normalisation', (x, y) => {
    const result = compare({ ...base, fullName: x }, again({ fullName: y }));
    expect(result.decision).toBe('match');
    expect(result.reasons.map((r) => r.code)).toContain('NAME_EQUAL_NORMALISED');
  });

  it('a woman whose NIK was typed without the +40 → match, with a readable reason', () => {
    const siti = { ...base, nik: '3273015708900001', fullName: 'SITI RAHAYU', sex: 'P' };
    const result = compare(siti, again({ ...siti, recordId: 'B', nik: '3273011708900001' }));
    expect(result.decision).toBe('match');
    expect(result.reasons).toContainEqual(
      expect.objectContaining({ code: 'NIK_PLUS40', text: "NIK differs only by the +40 on a woman's birth day" }),
    );
  });

  it('reasons carry their weights and add up to the total', () => {
    const result = compare(base, again({ fullName: 'SOEPARMAN HADIKUSUMO' }));
    const sum = result.reasons.reduce((s, r) => s + r.weight, 0);
    expect(result.weight).toBeCloseTo(sum, 5);
    expect(result.score).toBeGreaterThan(0.5);
  });
});

describe('comparePair: hard negatives never match', () => {
  it('twins: same birth date, mother, family name and phone; NIKs differ in the serial', () => {
    const twin = again({
      nik: '3273011708900002',
      fullName: 'SUPRAPTO HADIKUSUMO',
      phone: base.phone,
    });
    const result = compare(base, twin);
    expect(result.decision).not.toBe('match');
    expect(result.reasons.map((r) => r.code)).toContain('TWINS_PATTERN');
  });

  it('twins of opposite sex whose NIKs differ only by the +40', () => {
    const sister = again({ nik: '3273015708900001', fullName: 'SUPARMI HADIKUSUMO', sex: 'P', phone: base.phone });
    expect(compare(base, sister).decision).toBe('distinct');
  });

  it('namesakes: same common name, other birth date, NIK and mother', () => {
    const a = { ...base, fullName: 'MUHAMMAD RIZKI' };
    const b = again({
      fullName: 'MUHAMMAD RIZKI',
      nik: '3578012503850004',
      birthDate: '1985-03-25',
      motherName: 'AISYAH',
    });
    expect(compare(a, b).decision).toBe('distinct');
  });

  it('parent and child of the same name, born 25 years apart, sharing a phone', () => {
    const child = again({ nik: '3273011708150001', birthDate: '2015-08-17', motherName: 'RATNA', phone: base.phone });
    const result = compare(base, child);
    expect(result.decision).toBe('distinct');
    expect(result.reasons.map((r) => r.code)).toContain('BIRTH_GENERATION');
  });

  it('common names count for less than rare ones', () => {
    const weightOf = (name: string) =>
      compare({ ...base, fullName: name }, again({ fullName: name, nik: '' })).reasons.find(
        (r) => r.code === 'NAME_EQUAL',
      )?.weight ?? 0;
    expect(weightOf('SITI NUR AMINAH')).toBeLessThan(weightOf('SUPARMAN HADIKUSUMO'));
  });
});

/** The reasons staff read, one example each: the pair, the decision and the reason it must carry. */
describe('comparePair: named reasons', () => {
  const woman = { ...base, nik: '3273015708900001', fullName: 'SITI RAHAYU', sex: 'P' };
  it.each<[string, DuplicateRecord, DuplicateRecord, 'match' | 'not match' | 'distinct', string]>([
    ['NIK with one transposed pair', base, again({ nik: '3273011708900010' }), 'match', 'NIK_TRANSPOSED'],
    [
      'old spelling (Soeparman/Suparman)',
      base,
      again({ fullName: 'SOEPARMAN HADIKUSUMO' }),
      'match',
      'NAME_EQUAL_NORMALISED',
    ],
    [
      "a woman's NIK typed without the +40",
      woman,
      again({ ...woman, recordId: 'B', nik: '3273011708900001' }),
      'match',
      'NIK_PLUS40',
    ],
    ['words written together', base, again({ fullName: 'SUPARMANHADIKUSUMO' }), 'match', 'NAME_JOINED'],
    [
      'twins never match',
      base,
      again({ nik: '3273011708900002', fullName: 'SUPRAPTO HADIKUSUMO', phone: base.phone }),
      'not match',
      'TWINS_PATTERN',
    ],
    [
      "a twin registered with the other twin's NIK is left to a human",
      base,
      again({ fullName: 'SUPRAPTO HADIKUSUMO', phone: base.phone }),
      'not match',
      'GIVEN_NAME_NEEDS_REVIEW',
    ],
    [
      'a namesake with another birth date never matches',
      base,
      again({ nik: '3509012502750003', birthDate: '1975-02-25', motherName: 'PAINEM' }),
      'distinct',
      'NIK_DIFFERENT_BOTH_VALID',
    ],
    [
      'a namesake born the same day, each NIK fitting its own record, never matches',
      base,
      again({ nik: '3509011708900003', motherName: 'PAINEM' }),
      'distinct',
      'NIK_DIFFERENT_BOTH_VALID',
    ],
    [
      'a parent and child of the same name never match',
      base,
      again({ nik: '3273011708150001', birthDate: '2015-08-17', motherName: 'RATNA', phone: base.phone }),
      'distinct',
      'BIRTH_GENERATION',
    ],
  ])('%s', (_, left, right, expected, code) => {
    for (const [a, b] of [
      [left, right],
      [right, left],
    ] as const) {
      const result = compare(a, b);
      if (expected === 'not match') expect(result.decision).not.toBe('match');
      else expect(result.decision).toBe(expected);
      expect(result.reasons.map((r) => r.code)).toContain(code);
    }
  });

  it('a different given name is never merged automatically, whatever else agrees', () => {
    const brother = again({ fullName: 'BAMBANG HADIKUSUMO', kpj: base.kpj, phone: base.phone, email: base.email });
    const result = compare(base, brother);
    expect(result.decision).toBe('review');
    expect(result.reasons.reduce((sum, r) => sum + r.weight, 0)).toBeCloseTo(result.weight, 5);
  });

  it('reads a day-first birth date and any phone format', () => {
    const result = compare(base, again({ nik: '', birthDate: '17/08/1990', phone: '+62 812-3456-7890' }));
    expect(result.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['BIRTH_EQUAL', 'PHONE_EQUAL']));
  });

  it('does not read a sex into a record from its NIK (the NIK may be the mistake)', () => {
    const noSex = { ...base, sex: '' };
    const codes = compare(noSex, again({ nik: '3273015708900001', sex: 'P' })).reasons.map((r) => r.code);
    expect(codes).toContain('NIK_PLUS40');
    expect(codes).not.toContain('SEX_DIFFERENT');
    expect(codes).not.toContain('TWINS_PATTERN');
  });
});

const arbitraryRecord = fc.record({
  recordId: fc.string({ minLength: 1, maxLength: 4 }),
  nik: fc.oneof(fc.constant(''), fc.stringMatching(/^3[2-5]\d{14}$/)),
  kpj: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{11}$/)),
  fullName: fc.oneof(
    fc.constantFrom('SITI AMINAH', 'Soeparman', 'Moh. Rizki', 'Hj. Siti Aminah, S.E.', 'Djoko', ''),
    fc.string({ maxLength: 20 }),
  ),
  birthDate: fc.oneof(fc.constant('1990-08-17'), fc.constant('1990-17-08'), fc.constant(''), fc.string()),
  sex: fc.constantFrom('L', 'P', '', 'X'),
  motherName: fc.constantFrom('SUMARNI', 'SUMARNI ', 'SRI', ''),
  phone: fc.constantFrom('081234567890', '+6281234567890', '12', ''),
  email: fc.constantFrom('a@b.id', '', 'A@B.ID'),
});

describe('properties', () => {
  it('the score is symmetric and deterministic', () => {
    fc.assert(
      fc.property(arbitraryRecord, arbitraryRecord, (a, b) => {
        const ab = compare(a, b);
        const ba = compare(b, a);
        expect(ba.weight).toBeCloseTo(ab.weight, 9);
        expect(ba.score).toBe(ab.score);
        expect(ba.decision).toBe(ab.decision);
        expect(compare(a, b)).toEqual(ab);
      }),
    );
  });

  it('a record never pairs with itself, and findDuplicates is deterministic', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { maxLength: 12 }), (records) => {
        const withCopies = [...records, ...records];
        const pairs = findDuplicates(withCopies);
        for (const pair of pairs) expect(pair.left).not.toBe(pair.right);
        expect(findDuplicates(withCopies)).toEqual(pairs);
      }),
    );
  });

  it('withinOneEdit is symmetric', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), (a, b) => {
        expect(withinOneEdit(a, b)).toBe(withinOneEdit(b, a));
      }),
    );
  });
});

describe('findDuplicates', () => {
  it('finds the duplicates among a crowd and leaves the twins apart', () => {
    const records = [
      ...crowd,
      base,
      again({ fullName: 'SOEPARMAN HADIKOESOEMO', nik: '3273011708900010' }),
      again({ recordId: 'T', nik: '3273011708900002', fullName: 'SUPRAPTO HADIKUSUMO', phone: base.phone }),
    ];
    const matches = findDuplicates(records).filter((p) => p.decision === 'match');
    expect(matches.map((p) => [p.left, p.right])).toEqual([['A', 'B']]);
    expect(codes(base, records[records.length - 2] as DuplicateRecord)).toContain('NIK_TRANSPOSED');
  });
});

describe("comparePair: mothers' names kept sealed (keyed digests of their words)", () => {
  // Stand-in digests: the engine only needs the same word to give the same token.
  const seal = (name: string) =>
    nameDigestTokens(name)
      .map((token) => `d${[...token].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_003, 7)}`)
      .join(' ');
  const sealed = (record: DuplicateRecord): DuplicateRecord => ({
    ...record,
    motherName: '',
    motherNameDigest: seal(record.motherName),
  });
  const weightOf = (a: DuplicateRecord, b: DuplicateRecord, code: string) =>
    compare(a, b).reasons.find((r) => r.code === code)?.weight;

  it('counts equal sealed names as the same mother, and still finds the person', () => {
    const result = compare(sealed(base), sealed(again({ motherName: 'Sumarni' })));
    expect(result.reasons.map((r) => r.code)).toContain('MOTHER_EQUAL');
    expect(weightOf(sealed(base), sealed(again({})), 'MOTHER_EQUAL')).toBe(3);
    expect(result.decision).toBe('match');
  });

  it('folds old spelling and titles before sealing, so they still compare equal', () => {
    expect(codes(sealed({ ...base, motherName: 'HJ. SOEMARNI' }), sealed(again({})))).toContain('MOTHER_EQUAL');
  });

  it('counts a sealed name inside the other as nearly equal, a typo as a mild difference', () => {
    expect(codes(sealed({ ...base, motherName: 'SITI AMINAH' }), sealed(again({ motherName: 'AMINAH' })))).toContain(
      'MOTHER_SIMILAR',
    );
    const typo = compare(sealed(base), sealed(again({ motherName: 'SUMARMI' })));
    expect(typo.reasons.map((r) => r.code)).toContain('MOTHER_SEALED_DIFFERENT');
    expect(typo.reasons.find((r) => r.code === 'MOTHER_SEALED_DIFFERENT')?.weight).toBe(-2);
    // Written out, the same typo reads as nearly equal: sealing costs that evidence, no more.
    expect(codes(base, again({ motherName: 'SUMARMI' }))).toContain('MOTHER_SIMILAR');
  });

  it('never reads spelling similarity into digests', () => {
    const a = { ...sealed(base), motherNameDigest: 'abcdefgh' };
    const b = { ...sealed(again({})), motherNameDigest: 'abcdefgi' };
    expect(codes(a, b)).toContain('MOTHER_SEALED_DIFFERENT');
  });
});
