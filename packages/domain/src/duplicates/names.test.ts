import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaroWinkler, MUHAMMAD, normalizeIndonesianName } from './names.js';

const key = (name: string) => normalizeIndonesianName(name).key;

describe('normalizeIndonesianName', () => {
  it.each([
    ['Soeparman', 'Suparman'],
    ['Djoko Santoso', 'Joko Santoso'],
    ['Tjahjo Kumolo', 'Cahyo Kumolo'],
    ['Jusuf Kalla', 'Yusuf Kalla'],
    ['Chairul Tanjung', 'Khairul Tanjung'],
    ['Muhammad Rizki', 'Muhamad Rizki'],
    ['Mohammad Rizki', 'Moh. Rizki'],
    ['MOCH. RIZKI', 'M. Rizki'],
    ['Mochammad Rizki', 'Muh Rizki'],
    ['Drs. H. Soeparman', 'Suparman'],
    ['Hj. Siti Aminah', 'SITI AMINAH'],
    ['Ir. Bambang Hartono, M.M.', 'Bambang Hartono'],
    ['Budi Santoso, S.E.', 'Budi Santoso'],
    ['Rina Wati S.Kom', 'Rina Wati'],
    ['Agus Salim, S. H.', 'Agus Salim'],
    ['Prof. Dr. Ir. Sri Mulyani, S.E., M.M.', 'Sri Mulyani'],
    ['Abdullah', 'Abdulah'],
    ['Santoso Budi', 'Budi Santoso'],
    ['  budi   santoso ', 'BUDI SANTOSO'],
    ['Rénata', 'Renata'],
    ['M.Rizki', 'Muhammad Rizki'],
    ['Dra.Rahayu Ayu', 'Rahayu Ayu'],
    ['Siti Aminah, S.Pd.I', 'Siti Aminah'],
    ['Dewi Lestari, A.Md.', 'Dewi Lestari'],
    ['Achmad Fauzi', 'Ahmad Fauzi'],
    ['Chairul Anwar', 'Hairul Anwar'],
    ['Syaiful Bahri', 'Saiful Bahri'],
    ['Sjamsul Arifin', 'Syamsul Arifin'],
    ['Ramadhan Putra', 'Ramadan Putra'],
    ['Taufiq Hidayat', 'Taufik Hidayat'],
    ['Fitriyani', 'Fitriani'],
    ['Mch. Joko', 'Muhammad Joko'],
  ])('%s and %s have the same key', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  it.each([
    ['Budi Santoso', 'Budi Hartono'],
    ['Hasan', 'Husein'],
    ['Siti Aminah', 'Siti Fatimah'],
  ])('%s and %s stay different', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it('unifies every way of writing Muhammad into one token', () => {
    for (const form of ['Muhammad', 'Muhamad', 'Mohammad', 'Mohamad', 'Moch.', 'Moh.', 'M.', 'Muh.', 'Mohamd'])
      expect(normalizeIndonesianName(`${form} Ali`).tokens[0]).toBe(MUHAMMAD);
  });

  it('keeps the tokens as written beside the canonical ones, one for one', () => {
    const name = normalizeIndonesianName('H. Moch. Tjahjo Soeparman, S.E.');
    expect(name.tokens).toEqual([MUHAMMAD, 'CAHYO', 'SUPARMAN']);
    expect(name.plainTokens).toEqual(['MOCH', 'TJAHJO', 'SOEPARMAN']);
  });

  it('keeps the written spelling apart in plainKey (for "equal after normalisation" reasons)', () => {
    const old = normalizeIndonesianName('Soeparman');
    const modern = normalizeIndonesianName('Suparman');
    expect(old.key).toBe(modern.key);
    expect(old.plainKey).not.toBe(modern.plainKey);
  });

  it('keeps a lone initial that is not a title, and empties a name with no letters', () => {
    expect(normalizeIndonesianName('S Budi').tokens).toEqual(['S', 'BUDI']);
    expect(normalizeIndonesianName(' - ').key).toBe('');
    expect(normalizeIndonesianName('').key).toBe('');
  });

  it('ignores letter case, spacing and word order', () => {
    fc.assert(
      // Words start with Z so that none of them is a title or a degree.
      fc.property(fc.array(fc.stringMatching(/^Z[A-Za-z]{1,7}$/), { maxLength: 4 }), (words) => {
        const name = words.join(' ');
        expect(key(name.toLowerCase())).toBe(key(name.toUpperCase()));
        expect(key([...words].reverse().join('   '))).toBe(key(name));
      }),
    );
  });
});

describe('jaroWinkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
  ])('%s ~ %s ≈ %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 2);
  });

  it('is symmetric, within [0, 1] and 1 exactly for equal non-empty strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeCloseTo(jaroWinkler(b, a), 12);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (a !== '') expect(jaroWinkler(a, a)).toBe(1);
      }),
    );
  });
});
