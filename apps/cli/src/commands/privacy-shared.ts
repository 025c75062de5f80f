import { writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ApiOutputs } from '../api-types.js';
import { CliError } from '../env.js';

export type IncidentReport = ApiOutputs['privacy']['report'];

export interface FilterOptions {
  readonly since: string;
  readonly until?: string;
  readonly staff?: string;
  readonly channel?: 'web' | 'kiosk' | 'cli';
  readonly action?: string;
}

/** The window and filters of `privacy affected` and `privacy incident open`. */
export const withFilterOptions = (command: Command): Command =>
  command
    .requiredOption('--since <iso>', 'start of the window, e.g. 2026-11-20 or 2026-11-20T08:00:00+07:00')
    .option('--until <iso>', 'end of the window (exclusive; default: now)')
    .option('--staff <id|username>', 'only what this staff user read')
    .addOption(new Option('--channel <channel>', 'only through this channel').choices(['web', 'kiosk', 'cli']))
    .option('--action <prefix>', 'only disclosure actions starting with this, e.g. jht. or member.');

export function filtersInput(options: FilterOptions) {
  const staff = options.staff?.trim();
  return {
    since: options.since,
    ...(options.until ? { until: options.until } : {}),
    ...(staff ? (/^\d+$/.test(staff) ? { staffId: Number(staff) } : { staffUsername: staff }) : {}),
    ...(options.channel ? { channel: options.channel } : {}),
    ...(options.action ? { actionPrefix: options.action } : {}),
  };
}

export function parseIncidentId(value: string): string {
  const id = value.trim().toUpperCase();
  if (!/^INS-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(id))
    throw new InvalidArgumentError('an incident number like INS-7Q2M-9XKD');
  return id;
}

/** The report for the supervisory agency as plain text (Bahasa Indonesia first, English second). */
export function reportText(report: IncidentReport): string {
  const { incident, notices, deadline } = report;
  const lines = [
    `LAPORAN INSIDEN PELINDUNGAN DATA PRIBADI / PERSONAL DATA INCIDENT REPORT ${incident.id}`,
    `Dibuat / generated: ${report.generatedAt}`,
    '',
    'Apa yang terjadi / What happened',
    `  ${incident.description}`,
    `  Diketahui dan dicatat / known and recorded: ${incident.openedAt} oleh / by ${incident.openedBy}`,
    '',
    'Kapan / When',
    `  ${report.window.since} s.d. / to ${report.window.until}`,
    '',
    'Data apa / Which data',
    ...report.dataCategories.map(
      (c) => `  - ${c.description} (${c.action}): ${c.reads} akses / reads, ${c.members} peserta / members`,
    ),
    '',
    'Bagaimana / How',
    ...report.channels.map((c) => `  - kanal / channel ${c.channel}: ${c.reads}`),
    ...report.staff.map((s) => `  - petugas / staff ${s.username} (${s.role}): ${s.reads}`),
    '',
    'Tindakan / What was done',
    `  ${incident.measures ?? '(belum dicatat / not recorded yet)'}`,
    '',
    'Peserta terdampak / Members affected',
    `  ${report.membersAffected}`,
    '',
    'Pemberitahuan / Notices',
    `  peserta diberi tahu / members notified: ${notices.membersNotified}; tanpa kontak / without a contact: ${notices.membersWithoutContact}`,
    `  pesan / messages: ${notices.messagesQueued} diantrekan / queued, ${notices.messagesSent} terkirim / sent`,
    `  diantrekan / queued: ${notices.firstQueuedAt ?? '-'} .. ${notices.lastQueuedAt ?? '-'}; terakhir terkirim / last sent: ${notices.lastSentAt ?? '-'}`,
    `  batas 3x24 jam / 3x24-hour deadline: ${deadline.dueAt} (${deadline.hours} jam / hours): ${
      deadline.allQueuedInTime === null
        ? 'belum semua / not all notified yet'
        : deadline.allQueuedInTime
          ? 'terpenuhi / met'
          : 'TERLAMBAT / LATE'
    }`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes the report: JSON when the file name ends in .json, else the text. */
export function writeReport(file: string, report: IncidentReport): void {
  const content = file.toLowerCase().endsWith('.json') ? `${JSON.stringify(report, null, 2)}\n` : reportText(report);
  try {
    writeFileSync(file, content, { mode: 0o600 });
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}
