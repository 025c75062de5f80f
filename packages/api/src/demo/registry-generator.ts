import { composeNik, type Sex, toIsoDate } from '@pulih/domain';
import { SeededRandom } from './random.js';

export interface GeneratedMember {
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly motherName: string;
  readonly kpjNumbers: readonly string[];
  readonly email: string | null;
  readonly phone: string | null;
}

const maleNames = [
  'Budi',
  'Agus',
  'Joko',
  'Slamet',
  'Andi',
  'Rudi',
  'Hendra',
  'Dedi',
  'Eko',
  'Bambang',
  'Wahyu',
  'Yusuf',
  'Rizki',
  'Fajar',
  'Muhammad',
  'Ahmad',
  'Dimas',
  'Bayu',
  'Arif',
  'Imam',
  'Teguh',
  'Hadi',
  'Yohanes',
  'Made',
  'Putu',
  'Ketut',
  'Ikhsan',
  'Taufik',
];
const femaleNames = [
  'Siti',
  'Sri',
  'Dewi',
  'Nur',
  'Rina',
  'Wulan',
  'Ayu',
  'Fitri',
  'Indah',
  'Lestari',
  'Putri',
  'Ratna',
  'Yuliana',
  'Rahmawati',
  'Nining',
  'Maria',
  'Kadek',
  'Novi',
  'Dian',
  'Eka',
  'Anisa',
  'Aisyah',
  'Mega',
  'Ningsih',
];
const familyNames = [
  'Santoso',
  'Wijaya',
  'Saputra',
  'Hidayat',
  'Pratama',
  'Kurniawan',
  'Setiawan',
  'Nugroho',
  'Siregar',
  'Nasution',
  'Harahap',
  'Simanjuntak',
  'Lubis',
  'Sitompul',
  'Wibowo',
  'Susanto',
  'Gunawan',
  'Rahayu',
  'Purnamasari',
  'Handayani',
  'Permata',
  'Sari',
  'Utami',
  'Yulianti',
  'Suharto',
  'Manurung',
  'Tanjung',
  'Pangaribuan',
];
const mothersNames = [
  'Sumarni',
  'Suparti',
  'Sulastri',
  'Painem',
  'Tukiyem',
  'Aminah',
  'Fatimah',
  'Khadijah',
  'Rohani',
  'Mariam',
  'Kartini',
  'Sumiati',
  'Wartini',
  'Nurhayati',
  'Suryani',
  'Yati',
];
const regions = [
  ['31', '74', '05'],
  ['31', '71', '03'],
  ['32', '73', '01'],
  ['32', '04', '12'],
  ['33', '74', '02'],
  ['34', '71', '04'],
  ['35', '78', '01'],
  ['36', '71', '06'],
  ['12', '71', '02'],
  ['51', '71', '03'],
  ['64', '72', '01'],
  ['73', '71', '05'],
] as const;
const mailDomains = ['gmail.com', 'yahoo.co.id', 'yahoo.com', 'outlook.com', 'ymail.com'];
const mobilePrefixes = [
  '811',
  '812',
  '813',
  '821',
  '822',
  '852',
  '853',
  '857',
  '858',
  '877',
  '878',
  '895',
  '896',
  '881',
];

/**
 * Writes a deterministic registry of plausible members: NIKs that follow the real structure
 * (women +40 on the day), 11-digit KPJ numbers (some members hold two, as after a change of
 * employer), E.164 mobiles and webmail addresses. Some contacts are missing, as in real data.
 */
export function* generateRegistry(count: number, seed = 20_260_101): Generator<GeneratedMember> {
  const random = new SeededRandom(seed);
  const usedKpj = new Set<string>();
  const nextKpj = (): string => {
    for (;;) {
      const kpj = `${random.pick(['1', '2'])}${random.digits(10)}`;
      if (!usedKpj.has(kpj)) {
        usedKpj.add(kpj);
        return kpj;
      }
    }
  };
  for (let i = 0; i < count; i++) {
    const sex: Sex = random.next() < 0.5 ? 'L' : 'P';
    const given = random.pick(sex === 'L' ? maleNames : femaleNames);
    const family = random.pick(familyNames);
    const birthDate = toIsoDate(random.int(1966, 2005), random.int(1, 12), random.int(1, 28));
    const [provinceCode, regencyCode, districtCode] = random.pick(regions);
    // The serial makes the NIK unique; a real registry would take it from Dukcapil.
    const nik = composeNik({ provinceCode, regencyCode, districtCode, birthDate, sex, serial: (i % 9999) + 1 });
    const kpjNumbers = random.next() < 0.15 ? [nextKpj(), nextKpj()] : [nextKpj()];
    const email = random.next() < 0.85 ? `${given}.${family}${i}@${random.pick(mailDomains)}`.toLowerCase() : null;
    const phone = random.next() < 0.9 ? `+62${random.pick(mobilePrefixes)}${random.digits(random.int(7, 8))}` : null;
    yield {
      nik,
      fullName: `${given} ${family}`.toUpperCase(),
      birthDate,
      sex,
      motherName: random.pick(mothersNames).toUpperCase(),
      kpjNumbers,
      email,
      phone,
    };
  }
}
