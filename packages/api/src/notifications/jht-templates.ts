/** The data a JHT notice reads, checked by the templates' `Fields` (which satisfies this). */
export interface JhtFields {
  readonly reference: string;
  readonly claimState: string;
  readonly claimReason: string;
  readonly amount: number;
  readonly period: string;
  readonly membershipStatus: string;
  readonly statusReason: string;
  readonly decisionNote: string;
  readonly branchName: string;
  readonly day: string;
  readonly slot: string;
}

interface JhtDraft {
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly sms: string;
}

type Composer = (f: JhtFields, w: { readonly phishing: string }) => JhtDraft;

/**
 * The words of the JHT notices (contributions, membership status, claims, appointments), id
 * first and en second, kept apart from the account notices. Amounts come in whole rupiah.
 */
export const jhtNoticeTemplates = [
  'claim_state_changed',
  'contribution_credited',
  'contribution_missing',
  'membership_status_changed',
  'appointment_booked',
] as const;
export type JhtNoticeTemplate = (typeof jhtNoticeTemplates)[number];

const rupiah = (amount: number): string => `Rp${amount.toLocaleString('id-ID')}`;

const CLAIM_STATE: Record<'id' | 'en', Record<string, string>> = {
  id: {
    submitted: 'diajukan',
    verifying: 'sedang diverifikasi',
    approved: 'disetujui',
    rejected: 'ditolak',
    paid: 'dibayarkan',
  },
  en: { submitted: 'submitted', verifying: 'being verified', approved: 'approved', rejected: 'rejected', paid: 'paid' },
};

const CLAIM_REASON: Record<'id' | 'en', Record<string, string>> = {
  id: {
    age_56: 'usia 56 tahun',
    resignation: 'mengundurkan diri',
    phk: 'PHK',
    contract_end: 'akhir kontrak kerja',
    disability: 'cacat total tetap',
    death: 'meninggal dunia',
    leaving_indonesia: 'meninggalkan Indonesia',
    partial_10: 'klaim sebagian 10%',
    partial_30: 'klaim sebagian 30% (perumahan)',
  },
  en: {
    age_56: 'age 56',
    resignation: 'resignation',
    phk: 'termination (PHK)',
    contract_end: 'end of contract',
    disability: 'permanent total disability',
    death: 'death',
    leaving_indonesia: 'leaving Indonesia',
    partial_10: 'partial claim 10%',
    partial_30: 'partial claim 30% (housing)',
  },
};

const STATUS_REASON: Record<'id' | 'en', Record<string, string>> = {
  id: {
    contributing: 'iuran dibayarkan',
    awaiting_first_contribution: 'menunggu iuran pertama',
    no_contribution_3_months: 'tidak ada iuran selama 3 bulan berturut-turut',
    never_contributed: 'belum pernah ada iuran',
    employment_ended: 'hubungan kerja berakhir (dilaporkan pemberi kerja)',
    no_participation: 'belum terdaftar di pemberi kerja',
    age_56: 'mencapai usia 56 tahun',
    died: 'meninggal dunia',
    data_mismatch: 'data tidak sesuai dengan Dukcapil',
  },
  en: {
    contributing: 'contributions are paid',
    awaiting_first_contribution: 'awaiting the first contribution',
    no_contribution_3_months: 'no contribution for 3 consecutive months',
    never_contributed: 'no contribution ever paid',
    employment_ended: 'employment ended (reported by the employer)',
    no_participation: 'not registered with an employer',
    age_56: 'reached age 56',
    died: 'deceased',
    data_mismatch: 'data does not match the civil registry',
  },
};

const label = (table: Record<string, string>, key: string): string => table[key] ?? key;

const letters: Record<'id' | 'en', Record<JhtNoticeTemplate, Composer>> = {
  id: {
    claim_state_changed: (f) => {
      const state = label(CLAIM_STATE.id, f.claimState);
      const reason = label(CLAIM_REASON.id, f.claimReason);
      const more =
        f.claimState === 'rejected'
          ? [`Alasan: ${f.decisionNote}`, 'Anda dapat mengajukan klaim kembali setelah kekurangannya dilengkapi.']
          : f.claimState === 'paid'
            ? [`Sebesar ${rupiah(f.amount)} telah ditransfer ke rekening yang Anda daftarkan.`]
            : [];
      return {
        subject: `Klaim JHT ${f.reference}: ${state}`,
        paragraphs: [
          `Klaim JHT Anda (${reason}) dengan nomor ${f.reference} kini berstatus: ${state}.`,
          ...more,
          'Pantau klaim Anda di Pulih, menu "Klaim JHT". BPJS Ketenagakerjaan tidak memungut biaya apa pun untuk klaim.',
        ],
        sms: `Klaim JHT ${f.reference}: ${state}. Cek di Pulih. Klaim tidak dipungut biaya.`,
      };
    },
    contribution_credited: (f) => ({
      subject: `Iuran JHT bulan ${f.period} telah masuk`,
      paragraphs: [
        `Iuran JHT bulan ${f.period} sebesar ${rupiah(f.amount)} telah dibayarkan pemberi kerja dan tercatat ` +
          'dalam saldo JHT Anda.',
        'Lihat rincian saldo Anda di Pulih, menu "Saldo JHT".',
      ],
      sms: `Iuran JHT ${f.period} ${rupiah(f.amount)} telah masuk ke saldo Anda.`,
    }),
    contribution_missing: (f) => ({
      subject: `Iuran bulan ${f.period} belum dibayarkan pemberi kerja`,
      paragraphs: [
        `Iuran BPJS Ketenagakerjaan Anda untuk bulan ${f.period} belum kami terima dari pemberi kerja.`,
        'Tanyakan kepada bagian personalia tempat Anda bekerja. Tanpa iuran selama 3 bulan berturut-turut, ' +
          'kepesertaan Anda menjadi non-aktif. Anda juga dapat menghubungi Call Center 175.',
      ],
      sms: `Iuran BPJSTK bulan ${f.period} belum dibayar pemberi kerja. Tanyakan ke HRD Anda atau hubungi 175.`,
    }),
    membership_status_changed: (f) => {
      const status = f.membershipStatus === 'aktif' ? 'AKTIF' : 'NON-AKTIF';
      return {
        subject: `Status kepesertaan Anda kini ${status}`,
        paragraphs: [
          `Status kepesertaan BPJS Ketenagakerjaan Anda kini ${status}: ${label(STATUS_REASON.id, f.statusReason)}.`,
          'Jika menurut Anda ini keliru, hubungi Call Center 175 atau kantor cabang terdekat.',
        ],
        sms: `Status kepesertaan BPJSTK Anda kini ${status}. Info: Pulih atau 175.`,
      };
    },
    appointment_booked: (f) => ({
      subject: `Jadwal kunjungan ke ${f.branchName}: ${f.day} pukul ${f.slot}`,
      paragraphs: [
        `Kunjungan Anda ke kantor cabang ${f.branchName} terjadwal pada ${f.day} pukul ${f.slot} WIB ` +
          `(nomor ${f.reference}).`,
        'Bawa KTP asli, kartu peserta (KPJ), dan dokumen klaim yang diminta. Datang 15 menit lebih awal.',
      ],
      sms: `Jadwal BPJSTK ${f.branchName} ${f.day} ${f.slot} WIB, no ${f.reference}. Bawa KTP, KPJ, dokumen.`,
    }),
  },
  en: {
    claim_state_changed: (f) => {
      const state = label(CLAIM_STATE.en, f.claimState);
      const reason = label(CLAIM_REASON.en, f.claimReason);
      const more =
        f.claimState === 'rejected'
          ? [`Reason: ${f.decisionNote}`, 'You may claim again once what is missing is complete.']
          : f.claimState === 'paid'
            ? [`${rupiah(f.amount)} has been transferred to the bank account you registered.`]
            : [];
      return {
        subject: `JHT claim ${f.reference}: ${state}`,
        paragraphs: [
          `Your JHT claim (${reason}) number ${f.reference} is now: ${state}.`,
          ...more,
          'Follow your claim in Pulih, "JHT claim". BPJS Ketenagakerjaan never charges a fee for a claim.',
        ],
        sms: `JHT claim ${f.reference}: ${state}. See Pulih. Claims are free of charge.`,
      };
    },
    contribution_credited: (f) => ({
      subject: `JHT contribution for ${f.period} credited`,
      paragraphs: [
        `Your employer paid the JHT contribution for ${f.period}, ${rupiah(f.amount)}; it is in your JHT balance.`,
        'See your balance in Pulih, "JHT balance".',
      ],
      sms: `JHT contribution ${f.period} ${rupiah(f.amount)} credited to your balance.`,
    }),
    contribution_missing: (f) => ({
      subject: `Your employer has not paid the contribution for ${f.period}`,
      paragraphs: [
        `We have not received your BPJS Ketenagakerjaan contribution for ${f.period} from your employer.`,
        'Ask your employer’s HR department. After 3 consecutive months without a contribution your membership ' +
          'becomes non-active. You can also call the call center on 175.',
      ],
      sms: `BPJSTK contribution ${f.period} not paid by your employer. Ask your HR or call 175.`,
    }),
    membership_status_changed: (f) => {
      const status = f.membershipStatus === 'aktif' ? 'ACTIVE' : 'NON-ACTIVE';
      return {
        subject: `Your membership is now ${status}`,
        paragraphs: [
          `Your BPJS Ketenagakerjaan membership is now ${status}: ${label(STATUS_REASON.en, f.statusReason)}.`,
          'If you think this is wrong, call the call center on 175 or visit the nearest branch office.',
        ],
        sms: `Your BPJSTK membership is now ${status}. Info: Pulih or 175.`,
      };
    },
    appointment_booked: (f) => ({
      subject: `Branch visit at ${f.branchName}: ${f.day} at ${f.slot}`,
      paragraphs: [
        `Your visit to the ${f.branchName} branch office is booked for ${f.day} at ${f.slot} WIB (number ${f.reference}).`,
        'Bring your original KTP, membership card (KPJ) and the claim documents asked for. Come 15 minutes early.',
      ],
      sms: `BPJSTK visit ${f.branchName} ${f.day} ${f.slot} WIB, no ${f.reference}. Bring KTP, KPJ, documents.`,
    }),
  },
};

/** Scammers chase JHT claims above all: every JHT email ends with the phishing warning too. */
const warned =
  (composer: Composer): Composer =>
  (f, w) => {
    const draft = composer(f, w);
    return { ...draft, paragraphs: [...draft.paragraphs, w.phishing] };
  };

const warnAll = (table: Record<JhtNoticeTemplate, Composer>): Record<JhtNoticeTemplate, Composer> =>
  Object.fromEntries(jhtNoticeTemplates.map((name) => [name, warned(table[name])])) as Record<
    JhtNoticeTemplate,
    Composer
  >;

export const jhtComposers: Record<'id' | 'en', Record<JhtNoticeTemplate, Composer>> = {
  id: warnAll(letters.id),
  en: warnAll(letters.en),
};
