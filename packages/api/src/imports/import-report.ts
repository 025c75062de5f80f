/**
 * One line of an import's report: a row refused, or a row imported with a note (a contact
 * dropped, a NIK that needs correction). Reasons name the problem and never hold the row's
 * personal data. Both are kept in `import_rejections` (one entry per line); a note is stored
 * with the prefix below, so that the counts of the job stay the counts of refused rows.
 */
export type ReportOutcome = 'rejected' | 'imported_with_note';

const NOTE_PREFIX = 'note: ';

export const encodeReportReason = (outcome: ReportOutcome, reasons: readonly string[]): string =>
  outcome === 'imported_with_note' ? `${NOTE_PREFIX}${reasons.join('; ')}` : reasons.join('; ');

export function decodeReportReason(stored: string): { outcome: ReportOutcome; reason: string } {
  return stored.startsWith(NOTE_PREFIX)
    ? { outcome: 'imported_with_note', reason: stored.slice(NOTE_PREFIX.length) }
    : { outcome: 'rejected', reason: stored };
}
