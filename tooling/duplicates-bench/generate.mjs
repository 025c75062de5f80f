// Seeded, labelled synthetic registry extract for the duplicate-person benchmark.
//
//   node tooling/duplicates-bench/generate.mjs --size 100000 --seed 1 [--variant harsh] --out DIR
//
// Writes DIR/records.csv (the scan's input: record_id,nik,kpj,full_name,birth_date,sex,mother_name,
// phone,email) and DIR/truth.csv (record_id,true_person), kept apart so the scan never sees labels.
// The same size, seed and variant always give the same files.
//
// Error model of the `standard` variant. Each duplicate record is a re-registration of the person
// (typically by a new employer); every error is drawn independently per record (`makeRecord`),
// the first record of a person is written from the true values (formatting noise only).
// - Persons have 1 record (≈72%), 2 (≈19%), 3 (≈6%), 4–5 (≈3%).
// - NIK: kept 60%; missing 9%; the women's +40 dropped, or added for a man, 6%; one digit mistyped
//   8%; two adjacent digits transposed 6%; one digit dropped 2%; two digits mistyped 3%; another
//   NIK 4% (a relative's when the person has a twin, sibling or parent in the file, else invented);
//   the right NIK written with spaces, dots or a leading apostrophe 2%.
// - Name (at most one main change; the word changes apply only to names with enough words, so
//   ≈55% of records or more keep the name as before): old spelling (U→OE, J→DJ, Y→J, C→TJ,
//   KH→CH, H→CH as in Achmad) 12%; a typo (substitution, deletion, doubling, adjacent swap; never
//   the first letter) 12%; a middle word dropped 6%, shortened to its initial 3%, or added 3%;
//   a modern variant spelling (I/IY, D/DH, T/TH, K/Q, F/P, doubled consonants, E/I) 5%; two
//   words joined or one split (Nur Aini/Nuraini, Abdul Rahman/Abdurrahman) 2%; the family name
//   written first 2%. On top: "Muhammad" written another way (Muhamad, Mohammad, Moh., M., Moch.,
//   Mochammad, Muh., Md., Mohd) for half of the Muhammads; a title before (H., Hj., Ir., Drs.,
//   Dr., Prof. Dr.) 5% or a degree after (S.E., S.Kom, S.H., S.Pd, M.M., A.Md., S.Pd.I) 5%;
//   written in title case 30% or lower case 8%; doubled, leading or trailing spaces 5%; a dot
//   with no space after an initial or title 2%.
// - Birth date: kept 86%; day and month swapped 3% (when both ≤ 12); one digit mistyped 4%;
//   missing 3%; year ±1 2%; written DD/MM/YYYY 1%; an impossible date (30 February) 1%.
//   Sex: missing 2%, wrong 0.5%.
// - Mother's name: kept 70%, respelled or with a typo 10%, missing 20%.
// - Phone: the same number 40% (in one of nine formats: 0812…, +62812…, 62812…, 0812-3456-7890,
//   +62 812-3456-7890, 0812 3456 7890, (0812) 34567890, +62 (0)812…, 812… with the 0 dropped),
//   a new number 35%, missing 25%. Email: the same 35% (10% of them in another letter case), a
//   new one 35%, missing 30%. KPJ: a new card 85%, the same card 15%.
// Hard negatives, different persons by construction: twins (2% of persons: same birth date,
// mother, family name, region and often phone, another given name, the next NIK serial or, for a
// twin of the other sex, the same serial with the day +40), siblings (2%: same family name,
// mother, region and often phone, born 1–12 years apart), namesakes (2%: the same full name,
// another birth date, NIK and mother) and a parent and child of the same name (1%: born 20–35
// years later on the same day of the year, same region, often the same phone).
//
// The `harsh` variant (for robustness checks) keeps the same kinds of errors but makes them more
// frequent (see VARIANTS): NIK kept only 40% (missing 15%, another NIK 7%), a second name change
// on 30% of records, birth date kept 75%, sex missing 4% and wrong 1.5%, mother's name missing
// 35%, the same phone 30%, and twice as many hard negatives.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Which of consecutive slices of [0, 1), given by their widths, `r` falls in; −1 past them all. */
function slot(r, widths) {
  let x = r;
  for (let i = 0; i < widths.length; i++) {
    x -= widths[i];
    if (x < 0) return i;
  }
  return -1;
}

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Probabilities of each error, per variant (see the error model above). */
export const VARIANTS = {
  standard: {
    nik: {
      missing: 0.09,
      plus40: 0.06,
      oneDigit: 0.08,
      transposed: 0.06,
      dropped: 0.02,
      twoDigits: 0.03,
      other: 0.04,
      formatted: 0.02,
    },
    secondNameChange: 0,
    birth: { swapped: 0.03, oneDigit: 0.04, missing: 0.03, year: 0.02, dayFirst: 0.01, impossible: 0.01 },
    sexMissing: 0.02,
    sexWrong: 0.005,
    mother: { kept: 0.7, changed: 0.1 },
    phone: { same: 0.4, other: 0.35 },
    twins: 0.02,
    siblings: 0.02,
    namesakes: 0.02,
    parentChild: 0.01,
  },
  harsh: {
    nik: {
      missing: 0.15,
      plus40: 0.08,
      oneDigit: 0.1,
      transposed: 0.08,
      dropped: 0.03,
      twoDigits: 0.05,
      other: 0.07,
      formatted: 0.04,
    },
    secondNameChange: 0.3,
    birth: { swapped: 0.05, oneDigit: 0.07, missing: 0.06, year: 0.03, dayFirst: 0.02, impossible: 0.02 },
    sexMissing: 0.04,
    sexWrong: 0.015,
    mother: { kept: 0.55, changed: 0.1 },
    phone: { same: 0.3, other: 0.4 },
    twins: 0.04,
    siblings: 0.04,
    namesakes: 0.04,
    parentChild: 0.02,
  },
};

const MALE = `AGUS BUDI BAMBANG JOKO SUPARMAN SUTRISNO HENDRA YUSUF RUDI DEDI SLAMET EKO HARYANTO WAHYU ARIF
ANDI RIZKI FAJAR DIMAS ADITYA BAYU TEGUH HADI SUGENG SUKARNO PRIYO JOKO BAGUS GUNAWAN SURYA IRWAN HERU
DARMAWAN YOGA ILHAM FAUZI FAUZAN HASAN HUSEIN AHMAD ABDUL RAHMAN ALI UMAR IMAM SYAIFUL KHAIRUL CAHYO
TJAHJO SUHARTO SUWARNO SUPRIYADI SUBAGYO WIDODO SANTOSO PURNOMO SETIAWAN KURNIAWAN HIDAYAT NUGROHO
PRASETYO SAPUTRA PRATAMA RAMADHAN HIDAYATULLAH SYAHRUL ZULKIFLI RIDWAN ARIFIN ANWAR YUDI ROBERT JOHAN
MARTINUS YOHANES PETRUS GEDE MADE KETUT WAYAN NYOMAN PUTU KOMANG DANIEL SAMUEL SIMON TAUFIK HIDAYAT
JUNAEDI JAJANG ASEP UJANG ENDANG CECEP DADANG AAN IWAN YAYAN DODI FIRMAN RAHMAT SYAMSUL BAHRUDIN
NURDIN JUNAIDI SUHENDRA SUKMA GALIH ANGGA RENDI RANGGA ARDI DONI FERI HERMAN SUPRAPTO KUSNADI MULYADI
SUTARNO SUKIMAN PAIMAN TUKIRAN SARIMIN WAGIMAN JUMADI SUDARSONO TRIYONO DWI AJI YANTO JUNI YULIANTO`.split(/\s+/);
const FEMALE = `SITI SRI NUR DEWI RATNA ENDANG YULI WATI RINA LESTARI AMINAH FATIMAH AISYAH KHADIJAH NURUL
RAHAYU WAHYUNI NINGSIH SUSANTI PUSPITA ANGGRAINI PERMATASARI HANDAYANI KURNIASIH MULYANI SUMARNI
SUPARMI SUGIARTI TRI PUJI ASIH INDAH AYU PUTRI MAYA DIAN NOVI FITRI YANTI LILIS EUIS NENG IMAS CUCU
TATI TITIN ROSITA JUWITA KARTINI SUKARSIH SARTINI PAINEM TUMINAH SAMIYEM WAGIYEM JUMIATI MARYAM
MARIA MAGDALENA YOHANA ELISABETH KETUT MADE NI LUH PUTU KADEK NYOMAN AYU DESI NOVITA RATIH WULAN
INTAN CAHYANI CAHAYA YULIANA JULIANA HARTINI SRIYATUN SUKINAH RUKMINI UMI KULSUM HALIMAH ZAHRA
SALSABILA NABILA ANISA KHOIRUNNISA FARIDA ZAINAB RAHMAWATI HIDAYATI NURHAYATI SUSILAWATI MARLINA`.split(/\s+/);
const FAMILY = `SIREGAR NASUTION LUBIS HARAHAP SIMANJUNTAK SITORUS PANJAITAN HUTAPEA SINAGA TAMBUNAN WIJAYA
HALIM TANOESOEDIBJO SOEKARNO SOEHARTO DJOJOHADIKOESOEMO TJOKROAMINOTO SOEDIRMAN SASTROWARDOJO
PURBA GINTING SEMBIRING TARIGAN MANURUNG SIHOMBING SIAHAAN PANGARIBUAN POHAN DAULAY RANGKUTI
MATONDANG HASIBUAN BATUBARA PULUNGAN TANJUNG CHANIAGO PILIANG KOTO JAMBAK SIKUMBANG MALAU
KUSUMA WARDANA PERMANA SUDRAJAT HERMAWAN SUHERMAN SOBARI SOPANDI MANSUR SALEH BACHTIAR CHANDRA
HADIKUSUMO PRAWIRO SASTRO MANGUNKUSUMO WIRYONO JOYOHADI SUMANTRI HUSAIN LATUCONSINA PATTY
MANUHUTU TUANAKOTTA WATTIMENA RUMBIAK WONDA KOGOYA TABUNI LEWERISSA PAKPAHAN NAPITUPULU`.split(/\s+/);
const PROVINCES =
  `11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92`.split(' ');
const PROVINCE_WEIGHT = [
  3, 6, 3, 3, 2, 4, 1, 4, 1, 1, 10, 20, 15, 2, 16, 5, 2, 2, 2, 2, 1, 2, 2, 1, 1, 1, 4, 1, 1, 1, 1, 1, 1, 1,
];
const TITLES_BEFORE = ['H.', 'Hj.', 'Ir.', 'Drs.', 'Dr.', 'Prof. Dr.', 'H', 'Hj', 'Dra.'];
const DEGREES_AFTER = [
  ', S.E.',
  ', S.Kom',
  ' S.H.',
  ', S.Pd',
  ', M.M.',
  ' SE',
  ', S.E., M.M.',
  ', S.T.',
  ', Amd',
  ', A.Md.',
  ', S.Pd.I',
  ' S.Kom.',
];
const MUHAMMAD_WRITTEN = [
  'MUHAMMAD',
  'MUHAMAD',
  'MOHAMMAD',
  'MOHAMAD',
  'MOCH.',
  'MOH.',
  'M.',
  'MOCHAMAD',
  'MOCHAMMAD',
  'MUH.',
  'MUCHAMMAD',
  'MD.',
  'MOHD',
];
const DOMAINS = ['gmail.com', 'yahoo.co.id', 'yahoo.com', 'ymail.com', 'outlook.com'];
/** Prefixes that people write joined to the next word or apart (Nur Aini / Nuraini). */
const JOINABLE = new Set(['NUR', 'SRI', 'SITI', 'ABDUL', 'DEWI', 'PUTRI', 'AYU']);

/** Modern → old spelling of one token (inverse of the engine's respelling, applied partially). */
function oldSpelling(token, rnd) {
  let t = token;
  if (/KH/.test(t) && rnd() < 0.8) t = t.replace(/KH/g, 'CH');
  else if (/[AEIOU]H[^AEIOU]/.test(t) && rnd() < 0.5) t = t.replace(/([AEIOU])H([^AEIOU])/, '$1CH$2');
  if (/C/.test(t) && rnd() < 0.8) t = t.replace(/C(?!H)/g, 'TJ');
  if (/J/.test(t) && rnd() < 0.8) t = t.replace(/J/g, 'DJ');
  else if (/Y/.test(t) && rnd() < 0.8) t = t.replace(/Y/g, 'J');
  if (/U/.test(t) && rnd() < 0.8) t = t.replace(/U/g, 'OE');
  return t;
}

/** A modern alternative spelling, as clerks and parents write the same name differently. */
function variantSpelling(token, rnd) {
  const options = [
    [/I([AEOU])/, 'IY$1'],
    [/IY([AEOU])/, 'I$1'],
    [/DH/, 'D'],
    [/D([AEIOU])$/, 'DH$1'],
    [/TH/, 'T'],
    [/K$/, 'Q'],
    [/^F/, 'P'],
    [/([LMNRS])\1/, '$1'],
    [/([AEIOU])([LMNRS])([AEIOU])/, '$1$2$2$3'],
    [/E/, 'I'],
  ].filter(([re]) => re.test(token));
  if (options.length === 0) return token;
  const [re, to] = options[Math.floor(rnd() * options.length)];
  return token.replace(re, to);
}

const LETTERS = 'ABCDEFGHIJKLMNOPRSTUWY';
function typo(token, rnd) {
  if (token.length < 3) return token;
  const i = 1 + Math.floor(rnd() * (token.length - 2));
  const r = rnd();
  if (r < 0.3) return token.slice(0, i) + LETTERS[Math.floor(rnd() * LETTERS.length)] + token.slice(i + 1);
  if (r < 0.55) return token.slice(0, i) + token.slice(i + 1);
  if (r < 0.8) return token.slice(0, i) + token[i] + token.slice(i);
  return token.slice(0, i - 1) + token[i] + token[i - 1] + token.slice(i + 1);
}

export function generate({ size, seed, variant = 'standard' }) {
  const v = VARIANTS[variant];
  if (!v) throw new Error(`unknown variant ${variant} (standard or harsh)`);
  const rnd = mulberry32(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const provinceTotal = PROVINCE_WEIGHT.reduce((a, b) => a + b, 0);
  const pickProvince = () => {
    let x = rnd() * provinceTotal;
    for (let i = 0; i < PROVINCES.length; i++) {
      x -= PROVINCE_WEIGHT[i];
      if (x < 0) return PROVINCES[i];
    }
    return '32';
  };
  // Zipf-ish name popularity: the first names of each list are far more common.
  const zipf = (list) => list[Math.min(list.length - 1, Math.floor(list.length * rnd() ** 2.2))];
  const serials = new Map();
  const nextSerial = (prefix) => {
    const s = (serials.get(prefix) ?? 0) + 1;
    serials.set(prefix, s);
    return s;
  };
  const pad = (n, w) => String(n).padStart(w, '0');
  const nikOf = (p) => {
    const [y, m, d] = p.birthDate.split('-').map(Number);
    const day = p.sex === 'P' ? d + 40 : d;
    return `${p.region}${pad(day, 2)}${pad(m, 2)}${pad(y % 100, 2)}${pad(p.serial, 4)}`;
  };
  const randomDate = (from, to) => {
    const y = from + Math.floor(rnd() * (to - from + 1));
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
  };
  const newPhone = () => `+628${pick(['1', '2', '3', '5', '7', '8', '9'])}${pad(Math.floor(rnd() * 1e9), 9)}`;
  const newKpj = () => `${pick(['0', '1', '2'])}${pad(Math.floor(rnd() * 1e10), 10)}`;
  const makeName = (sex) => {
    const tokens = [];
    const r = rnd();
    if (sex === 'L') {
      if (r < 0.15) tokens.push('MUHAMMAD');
      tokens.push(zipf(MALE));
      if (rnd() < 0.55) tokens.push(rnd() < 0.5 ? zipf(MALE) : pick(FAMILY));
    } else {
      if (r < 0.25) tokens.push(pick(['SITI', 'NUR', 'SRI', 'DEWI']));
      tokens.push(zipf(FEMALE));
      if (rnd() < 0.5) tokens.push(rnd() < 0.6 ? zipf(FEMALE) : pick(FAMILY));
    }
    if (tokens.length === 1 || rnd() < 0.3) tokens.push(pick(FAMILY));
    return [...new Set(tokens)];
  };
  const emailOf = (tokens) =>
    `${tokens
      .join('.')
      .toLowerCase()
      .replace(/[^a-z.]/g, '')}${Math.floor(rnd() * 1000)}@${pick(DOMAINS)}`;
  const newPerson = (over = {}) => {
    const sex = over.sex ?? (rnd() < 0.5 ? 'L' : 'P');
    const birthDate = over.birthDate ?? randomDate(1960, 2004);
    const region =
      over.region ?? `${pickProvince()}${pad(1 + Math.floor(rnd() * 30), 2)}${pad(1 + Math.floor(rnd() * 25), 2)}`;
    const nameTokens = over.nameTokens ?? makeName(sex);
    const p = {
      sex,
      birthDate,
      region,
      nameTokens,
      mother: over.mother ?? makeName('P').slice(0, 2),
      phone: over.phone ?? newPhone(),
      email: emailOf(nameTokens),
      kpj: newKpj(),
      relative: over.relative,
    };
    // Serials count per region and encoded birth date (the day carries the +40 of women), so a
    // boy and a girl born the same day in the same district may both get 0001.
    p.serial = nextSerial(`${region}${birthDate}${sex}`);
    p.nik = nikOf(p);
    return p;
  };

  function mainNameChange(p, tokens) {
    const r = rnd();
    if (r < 0.12) return tokens.map((t) => (t.endsWith('.') ? t : oldSpelling(t, rnd)));
    if (r < 0.24) {
      const i = Math.floor(rnd() * tokens.length);
      tokens[i] = typo(tokens[i], rnd);
    } else if (r < 0.3 && tokens.length >= 3) tokens.splice(1, 1);
    else if (r < 0.33 && tokens.length >= 3) tokens[1] = `${tokens[1][0]}.`;
    else if (r < 0.36 && tokens.length === 2) tokens.splice(1, 0, pick(p.sex === 'L' ? MALE : FEMALE));
    else if (r < 0.41) {
      const i = Math.floor(rnd() * tokens.length);
      if (!tokens[i].endsWith('.')) tokens[i] = variantSpelling(tokens[i], rnd);
    } else if (r < 0.43) {
      const i = tokens.findIndex((t) => JOINABLE.has(t));
      if (i >= 0 && i + 1 < tokens.length) tokens.splice(i, 2, tokens[i] + tokens[i + 1]);
      else if (tokens.includes('ABDUL')) tokens.splice(tokens.indexOf('ABDUL'), 1, 'ABDUR');
      else {
        const j = tokens.findIndex((t) => [...JOINABLE].some((pre) => t.startsWith(pre) && t.length > pre.length + 2));
        if (j >= 0) {
          const pre = [...JOINABLE].find((x) => tokens[j].startsWith(x));
          tokens.splice(j, 1, pre, tokens[j].slice(pre.length));
        }
      }
    } else if (r < 0.45 && tokens.length >= 2) tokens.unshift(tokens.pop());
    return tokens;
  }

  function writeName(p, first) {
    let tokens = [...p.nameTokens];
    if (tokens[0] === 'MUHAMMAD' && rnd() < 0.5) tokens[0] = pick(MUHAMMAD_WRITTEN);
    if (!first) {
      tokens = mainNameChange(p, tokens);
      if (rnd() < v.secondNameChange) tokens = mainNameChange(p, tokens);
    }
    let name = tokens.join(' ');
    const t = rnd();
    if (t < 0.05) name = `${pick(TITLES_BEFORE)} ${name}`;
    else if (t < 0.1) name += pick(DEGREES_AFTER);
    const c = rnd();
    if (c < 0.3) name = name.toLowerCase().replace(/\b\w/g, (x) => x.toUpperCase());
    else if (c < 0.38) name = name.toLowerCase();
    const s = rnd();
    if (s < 0.05) {
      const k = rnd();
      name = k < 0.4 ? name.replace(' ', '  ') : k < 0.7 ? ` ${name}` : `${name} `;
    } else if (s < 0.07) name = name.replace(/\. /, '.');
    return name;
  }

  function variantNik(p) {
    const nik = p.nik;
    const n = v.nik;
    const swapDigit = (s, i) =>
      s.slice(0, i) + String((Number(s[i]) + 1 + Math.floor(rnd() * 9)) % 10) + s.slice(i + 1);
    switch (
      slot(rnd(), [n.missing, n.plus40, n.oneDigit, n.transposed, n.dropped, n.twoDigits, n.other, n.formatted])
    ) {
      case 0:
        return '';
      case 1:
        if (p.sex === 'P') return nik.slice(0, 6) + pad(Number(nik.slice(6, 8)) - 40, 2) + nik.slice(8);
        return nik.slice(0, 6) + pad(Number(nik.slice(6, 8)) + 40, 2) + nik.slice(8);
      case 2:
        return swapDigit(nik, Math.floor(rnd() * 16));
      case 3: {
        const i = Math.floor(rnd() * 15);
        if (nik[i] === nik[i + 1]) return swapDigit(nik, i);
        return nik.slice(0, i) + nik[i + 1] + nik[i] + nik.slice(i + 2);
      }
      case 4: {
        const i = Math.floor(rnd() * 16);
        return nik.slice(0, i) + nik.slice(i + 1);
      }
      case 5: {
        const i = Math.floor(rnd() * 8);
        return swapDigit(swapDigit(nik, i), 8 + Math.floor(rnd() * 8));
      }
      case 6:
        if (p.relative && rnd() < 0.5) return p.relative.nik;
        return `${pickProvince()}${pad(Math.floor(rnd() * 1e14), 14)}`;
      case 7: {
        const k = rnd();
        if (k < 0.4) return `${nik.slice(0, 6)} ${nik.slice(6, 12)} ${nik.slice(12)}`;
        if (k < 0.7)
          return `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}.${nik.slice(6, 12)}.${nik.slice(12)}`;
        return `'${nik}`;
      }
    }
    return nik;
  }

  function variantDate(date) {
    const b = v.birth;
    const [y, m, d] = date.split('-');
    switch (slot(rnd(), [b.swapped, b.oneDigit, b.missing, b.year, b.dayFirst, b.impossible])) {
      case 0:
        return Number(d) <= 12 ? `${y}-${d}-${m}` : date;
      case 1: {
        const digits = `${y}${m}${d}`;
        const i = 2 + Math.floor(rnd() * 6);
        const alt = digits.slice(0, i) + String(Math.floor(rnd() * 10)) + digits.slice(i + 1);
        const candidate = `${alt.slice(0, 4)}-${alt.slice(4, 6)}-${alt.slice(6, 8)}`;
        return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/.test(candidate) ? candidate : date;
      }
      case 2:
        return '';
      case 3:
        return `${Number(y) + (rnd() < 0.5 ? -1 : 1)}-${m}-${d}`;
      case 4:
        return `${d}/${m}/${y}`;
      case 5:
        return `${y}-02-3${Math.floor(rnd() * 2)}`;
    }
    return date;
  }

  function phoneFormat(e164) {
    const national = e164.slice(3);
    const local = `0${national}`;
    const r = rnd();
    if (r < 0.3) return local;
    if (r < 0.45) return e164;
    if (r < 0.6) return local.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
    if (r < 0.7) return e164.slice(1);
    if (r < 0.78) return `+62 ${national.replace(/^(\d{3})(\d{4})(\d+)$/, '$1-$2-$3')}`;
    if (r < 0.86) return local.replace(/^(\d{4})(\d{4})(\d+)$/, '$1 $2 $3');
    if (r < 0.91) return `(${local.slice(0, 4)}) ${local.slice(4)}`;
    if (r < 0.95) return `+62 (0)${national}`;
    return national;
  }

  const emailCase = (email) => (rnd() < 0.1 ? email.replace(/^[a-z]|\.[a-z]|@[a-z]/g, (x) => x.toUpperCase()) : email);

  function makeRecord(p, first) {
    if (first) {
      return {
        nik: p.nik,
        kpj: p.kpj,
        name: writeName(p, true),
        birthDate: p.birthDate,
        sex: p.sex,
        mother: p.mother.join(' '),
        phone: rnd() < 0.85 ? phoneFormat(p.phone) : '',
        email: rnd() < 0.75 ? p.email : '',
      };
    }
    const r = rnd;
    const pr = r();
    const er = r();
    const mr = r();
    const sr = r();
    return {
      nik: variantNik(p),
      kpj: r() < 0.15 ? p.kpj : newKpj(),
      name: writeName(p, false),
      birthDate: variantDate(p.birthDate),
      sex: sr < v.sexMissing ? '' : sr < v.sexMissing + v.sexWrong ? (p.sex === 'L' ? 'P' : 'L') : p.sex,
      mother:
        mr < v.mother.kept
          ? p.mother.join(' ')
          : mr < v.mother.kept + v.mother.changed
            ? p.mother.map((t) => (r() < 0.5 ? oldSpelling(t, r) : typo(t, r))).join(' ')
            : '',
      phone:
        pr < v.phone.same ? phoneFormat(p.phone) : pr < v.phone.same + v.phone.other ? phoneFormat(newPhone()) : '',
      email: er < 0.35 ? emailCase(p.email) : er < 0.7 ? emailOf(p.nameTokens) : '',
    };
  }

  const rows = [];
  let personId = 0;
  // Records are drawn when the person's whole family is known, so that a record may carry a
  // relative's NIK; `pending` holds the persons of the current family.
  const pending = [];
  const addPerson = (p) => pending.push(p);
  const flush = () => {
    for (const p of pending) {
      const id = `P${++personId}`;
      const count = duplicateCount();
      for (let k = 0; k < count && rows.length < size; k++) rows.push({ person: id, ...makeRecord(p, k === 0) });
    }
    pending.length = 0;
  };
  const duplicateCount = () => {
    const r = rnd();
    return r < 0.72 ? 1 : r < 0.91 ? 2 : r < 0.97 ? 3 : r < 0.99 ? 4 : 5;
  };
  const otherGiven = (p, sex) => {
    let given = makeName(sex).slice(0, 1);
    while (p.nameTokens.includes(given[0])) given = [pick(sex === 'L' ? MALE : FEMALE)];
    const family = p.nameTokens.length > 1 ? p.nameTokens.slice(-1) : [];
    return [...new Set([...given, ...family])];
  };
  const relate = (p, q) => {
    p.relative ??= q;
    q.relative ??= p;
  };
  while (rows.length < size) {
    const p = newPerson();
    addPerson(p);
    const relation = slot(rnd(), [v.twins, v.siblings, v.namesakes, v.parentChild]);
    if (relation === 0) {
      // Twin: same birth, mother, region, family name and often phone; another given name.
      const sex = rnd() < 0.5 ? 'L' : 'P';
      const tokens = otherGiven(p, sex);
      if (tokens.join(' ') !== p.nameTokens.join(' ')) {
        const twin = newPerson({
          sex,
          birthDate: p.birthDate,
          region: p.region,
          mother: p.mother,
          nameTokens: tokens,
          phone: rnd() < 0.5 ? p.phone : undefined,
        });
        relate(p, twin);
        addPerson(twin);
      }
    } else if (relation === 1) {
      const sex = rnd() < 0.5 ? 'L' : 'P';
      const tokens = otherGiven(p, sex);
      const gap = (1 + Math.floor(rnd() * 12)) * (rnd() < 0.5 ? -1 : 1);
      const y = Number(p.birthDate.slice(0, 4)) + gap;
      if (tokens.join(' ') !== p.nameTokens.join(' ') && y >= 1955 && y <= 2006) {
        const sibling = newPerson({
          sex,
          birthDate: `${y}${randomDate(2000, 2000).slice(4)}`,
          region: p.region,
          mother: p.mother,
          nameTokens: tokens,
          phone: rnd() < 0.4 ? p.phone : undefined,
        });
        relate(p, sibling);
        addPerson(sibling);
      }
    } else if (relation === 2) {
      addPerson(newPerson({ sex: p.sex, nameTokens: p.nameTokens }));
    } else if (relation === 3) {
      const y = Number(p.birthDate.slice(0, 4)) + 20 + Math.floor(rnd() * 16);
      if (y <= 2006) {
        const child = newPerson({
          sex: p.sex,
          nameTokens: p.nameTokens,
          region: p.region,
          birthDate: `${y}${p.birthDate.slice(4)}`,
          phone: rnd() < 0.3 ? p.phone : undefined,
        });
        relate(p, child);
        addPerson(child);
      }
    }
    flush();
  }
  // Shuffle so that duplicates are not adjacent.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

const csvField = (value) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function writeDataset({ size, seed, variant = 'standard', dir }) {
  mkdirSync(dir, { recursive: true });
  const rows = generate({ size, seed, variant });
  const records = createWriteStream(join(dir, 'records.csv'));
  const truth = [];
  const write = (line) => (records.write(line) ? Promise.resolve() : new Promise((r) => records.once('drain', r)));
  await write('record_id,nik,kpj,full_name,birth_date,sex,mother_name,phone,email\n');
  let chunk = '';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const id = `R${String(i + 1).padStart(7, '0')}`;
    truth.push(`${id},${r.person}`);
    chunk += `${[id, r.nik, r.kpj, r.name, r.birthDate, r.sex, r.mother, r.phone, r.email].map(csvField).join(',')}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise((resolve) => records.end(resolve));
  writeFileSync(join(dir, 'truth.csv'), `record_id,true_person\n${truth.join('\n')}\n`);
  return { records: join(dir, 'records.csv'), truth: join(dir, 'truth.csv'), count: rows.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const result = await writeDataset({
    size: Number(arg('size', '100000')),
    seed: Number(arg('seed', '1')),
    variant: arg('variant', 'standard'),
    dir: arg('out', 'duplicates-bench-data'),
  });
  console.log(`${result.count} records → ${result.records} (labels: ${result.truth})`);
}
