import type { MemberData } from './member-data.js';
import { type PdfLine, writeTextPdf } from './pdf-writer.js';

const rupiah = (amount: number): string => `Rp${amount.toLocaleString('id-ID')}`;
const orDash = (value: string | number | null): string => (value === null || value === '' ? '-' : String(value));

const heading = (text: string): PdfLine => ({ text, heading: true });
const line = (text: string): PdfLine => ({ text });
const none = line('  (tidak ada / none)');

/** The same document as the JSON export, as readable pages (Bahasa Indonesia first, English second). */
export function memberDataPdf(data: MemberData): Buffer {
  const lines: PdfLine[] = [];
  const section = (title: string, rows: readonly PdfLine[]) => {
    lines.push(line(''), heading(title));
    lines.push(...(rows.length === 0 ? [none] : rows));
  };
  const { identity } = data;
  lines.push(line(`Dibuat / generated: ${data.generatedAt}   Pengendali data / controller: ${data.controller}`));
  section('Identitas / Identity', [
    line(`  Nama lengkap / full name: ${identity.fullName}`),
    line(`  NIK: ${orDash(identity.nik)}`),
    line(`  Tanggal lahir / birth date: ${orDash(identity.birthDate)}   Jenis kelamin / sex: ${orDash(identity.sex)}`),
    line(
      `  Nama ibu kandung / mother's maiden name: ${identity.motherNameOnRecord ? 'tersimpan, tidak ditampilkan / on record, never shown' : 'tidak ada / none'}`,
    ),
    line(
      `  Status registri / registry status: ${identity.registryStatus}${identity.registryStatusReason ? ` (${identity.registryStatusReason})` : ''}`,
    ),
    line(
      `  Rekaman / member records: ${identity.memberRecords.join(', ')}   dibuat / created ${identity.recordCreatedAt}`,
    ),
  ]);
  section(
    'Nomor KPJ / KPJ numbers',
    data.kpjNumbers.flatMap((card) => [
      line(
        `  ${card.kpj}  terdaftar / registered ${card.registeredAt}${card.closedOn ? `  ditutup / closed ${card.closedOn}` : ''}${card.mergedIntoKpj ? `  -> ${card.mergedIntoKpj}` : ''}`,
      ),
      ...card.employments.map((e) =>
        line(
          `      ${orDash(e.employer)} (NPP ${orDash(e.npp)}) ${e.segment}  ${e.startedOn} - ${orDash(e.endedOn)}${e.endReason ? ` (${e.endReason})` : ''}`,
        ),
      ),
    ]),
  );
  section(
    'Kontak / Contacts',
    data.contacts.map((c) =>
      line(
        `  email ${orDash(c.email)} (terverifikasi / verified ${orDash(c.emailVerifiedAt)})   ponsel / phone ${orDash(c.phone)} (${orDash(c.phoneVerifiedAt)})`,
      ),
    ),
  );
  section(
    'Akun / Accounts',
    data.accounts.map((a) =>
      line(
        `  #${a.id}  ${a.state}  dibuat / created ${a.createdAt}  kata sandi diubah / password changed ${orDash(a.passwordChangedAt)}  bahasa / language ${a.locale}`,
      ),
    ),
  );
  section(
    'Sesi / Sessions',
    data.sessions.map((s) =>
      line(
        `  ${s.createdAt}  terakhir / last ${s.lastSeenAt}  ${s.revokedAt ? `diakhiri / ended ${s.revokedAt}` : `berakhir / expires ${s.expiresAt}`}  ${orDash(s.userAgent)}`,
      ),
    ),
  );
  section(
    'Iuran / Contributions',
    data.contributions.map((c) =>
      line(
        `  ${c.kpj} ${c.period}  NPP ${c.npp}  upah / wage ${rupiah(c.wage)}  JHT ${rupiah(c.jhtEmployee + c.jhtEmployer)}  JKK ${rupiah(c.jkk)}  JKM ${rupiah(c.jkm)}  JP ${rupiah(c.jpEmployee + c.jpEmployer)}  ${c.paidAt ? `dibayar / paid ${c.paidAt.slice(0, 10)}` : 'belum dibayar / unpaid'}`,
      ),
    ),
  );
  section(
    'Penggabungan saldo / Balance transfers',
    data.balanceTransfers.map((t) =>
      line(`  ${t.transferredOn}  ${t.fromKpj} -> ${t.toKpj}  ${rupiah(t.amount)}  (${t.channel})`),
    ),
  );
  section(
    'Klaim / Claims',
    data.claims.flatMap((c) => [
      line(
        `  ${c.id}  ${c.reason}  ${c.state}  bruto / gross ${rupiah(c.gross)}  pajak / tax ${rupiah(c.tax)}  neto / net ${rupiah(c.net)}`,
      ),
      line(`      rekening / account: bank ${c.bankCode} ****${c.bankAccountLast4} a.n. ${c.bankAccountHolder}`),
      ...c.events.map((e) => line(`      ${e.at}  ${e.state}${e.note ? `  ${e.note}` : ''}`)),
    ]),
  );
  section(
    'Dokumen / Documents',
    data.claimDocuments.map((d) =>
      line(
        `  ${d.kind}  ${d.contentType}  ${d.sizeBytes} B  diunggah / uploaded ${d.uploadedAt}  ${d.deletedAt ? `dihapus / deleted ${d.deletedAt}` : `disimpan sampai / kept until ${d.retainUntil}`}${d.claimId ? `  (${d.claimId})` : ''}`,
      ),
    ),
  );
  section(
    'Jadwal kunjungan / Appointments',
    data.appointments.map((a) => line(`  ${a.id}  ${a.day} ${a.slot}  ${a.branchCode}  ${a.purpose}  ${a.state}`)),
  );
  section(
    'Permintaan perbaikan data / Correction requests',
    data.correctionRequests.map((c) =>
      line(
        `  ${c.id}  ${c.field}${c.requestedValue ? ` -> ${c.requestedValue}` : ''}  ${c.state}  diajukan / requested ${c.requestedAt}${c.decisionReason ? `  (${c.decisionReason})` : ''}`,
      ),
    ),
  );
  section('Pilihan pemberitahuan / Notice preferences', [
    ...Object.entries(data.noticePreferences.topics).map(([topic, choice]) =>
      line(
        `  ${topic}: email ${choice.email ? 'ya / yes' : 'tidak / no'}, SMS ${choice.sms ? 'ya / yes' : 'tidak / no'}`,
      ),
    ),
    line('  pemberitahuan keamanan / security notices: email dan SMS, selalu / email and SMS, always'),
  ]);
  section(
    'Riwayat akses / Access history',
    data.accessHistory.map((h) =>
      line(
        `  ${h.at}  ${h.action}  ${h.channel}  ${h.actor}${h.staffRole ? ` (${h.staffRole}${h.staffBranch ? `, ${h.staffBranch}` : ''})` : ''}${h.reason ? `  ${h.reason}` : ''}`,
      ),
    ),
  );
  section(
    'Tidak ditampilkan / Not shown',
    data.notShown.map((item) => line(`  - ${item}`)),
  );
  return writeTextPdf(
    `Data saya / My data: ${identity.fullName}`,
    lines,
    `Pulih BPJS Ketenagakerjaan - ${data.generatedAt}`,
  );
}
