import { describe, expect, it } from 'vitest';
import { forEachCandidatePair } from './blocking.js';
import { birthDateNumber, type DuplicateRecord, phoneKey, prepareRecord } from './record.js';

describe('phoneKey', () => {
  it.each([
    '081234567890',
    '0812-3456-7890',
    '0812 3456 7890',
    '(0812) 34567890',
    '+6281234567890',
    '+62 812-3456-7890',
    '6281234567890',
    '+62 (0)81234567890',
    '81234567890',
  ])('%s is 081234567890', (raw) => {
    expect(phoneKey(raw)).toBe('081234567890');
  });

  it('keeps the digits of an invalid number and drops a number too short to say anything', () => {
    expect(phoneKey('021-555-1234')).toBe('0215551234');
    expect(phoneKey('12345')).toBe('');
  });
});

describe('birthDateNumber', () => {
  it.each([
    ['1990-08-17', 19900817],
    ['1990/8/17', 19900817],
    ['17/08/1990', 19900817],
    ['17-8-1990', 19900817],
    ['19900817', 19900817],
    [' 1990-08-17 ', 19900817],
    ['1990-02-30', 0],
    ['1904-08-17', 0],
    ['17 Agustus 1990', 0],
    ['', 0],
  ])('%s → %d', (raw, expected) => {
    expect(birthDateNumber(raw)).toBe(expected);
  });
});

describe('prepareRecord', () => {
  const record: DuplicateRecord = {
    recordId: 'A',
    nik: '3273 0157 0890 0001',
    kpj: "'19011111111",
    fullName: 'Hj. Siti Rahayu',
    birthDate: '1990-08-17',
    sex: 'perempuan',
    motherName: 'Sumarni',
    phone: '+62 812-3456-7890',
    email: ' Siti@Example.COM ',
  };

  it('reads the NIK whatever separators it was typed with, and checks it against the record', () => {
    const r = prepareRecord(record);
    expect(r.nik).toBe('3273015708900001');
    expect(r.nikBirth).toBe(19900817);
    expect(r.nikAgrees).toBe(1);
    expect(r.sex).toBe('P');
    expect(r.kpj).toBe('19011111111');
    expect(r.email).toBe('siti@example.com');
    expect(prepareRecord({ ...record, birthDate: '1991-08-17' }).nikAgrees).toBe(0);
    expect(prepareRecord({ ...record, birthDate: '' }).nikAgrees).toBe(2);
    expect(prepareRecord({ ...record, nik: '32730' }).nikAgrees).toBe(-1);
  });

  it('never fails on garbage', () => {
    const r = prepareRecord({
      ...record,
      nik: 'x',
      birthDate: 'kemarin',
      sex: '?',
      phone: 'tidak ada',
      fullName: '---',
    });
    expect([r.nik, r.birth, r.sex, r.phone, r.name.key]).toEqual(['', 0, '', '', '']);
  });
});

describe('forEachCandidatePair', () => {
  const person = (id: string, over: Partial<DuplicateRecord> = {}): DuplicateRecord => ({
    recordId: id,
    nik: '',
    kpj: '',
    fullName: 'SUPARMAN HADIKUSUMO',
    birthDate: '1990-08-17',
    sex: 'L',
    motherName: 'SUMARNI',
    phone: '',
    email: '',
    ...over,
  });

  function pairsOf(records: DuplicateRecord[]): [string, string][] {
    const prepared = records.map(prepareRecord);
    const pairs: [string, string][] = [];
    forEachCandidatePair(prepared, (i, j) => {
      expect(i).toBeLessThan(j);
      pairs.push([prepared[i]?.recordId ?? '', prepared[j]?.recordId ?? '']);
    });
    return pairs;
  }

  it('visits each pair once, even when it shares many keys, and never a record id with itself', () => {
    const pairs = pairsOf([
      person('A'),
      person('B'),
      person('A'),
      person('C', { fullName: 'BUDI', birthDate: '1970-01-01', motherName: '' }),
    ]);
    expect(pairs).toEqual([
      ['A', 'B'],
      ['B', 'A'],
    ]);
  });

  it("pairs a mistyped birth date through the NIK's date", () => {
    // Only the NIK's date (not the recorded one) and the given name tie these two records.
    const a = person('A', { nik: '3273011708900001', birthDate: '1990-08-19', motherName: '' });
    const b = person('B', { fullName: 'SUPARMAN', motherName: '' });
    expect(pairsOf([a, b])).toEqual([['A', 'B']]);
    expect(pairsOf([{ ...a, nik: '' }, b])).toEqual([]);
  });
});
