import type { IsoDate } from '../calendar.js';
import { err, ok, type Result } from '../result.js';
import type { EmploymentEndReason, MembershipSegment, Participation } from './participation.js';

/**
 * What an employer reports of one employment of a KPJ number (SIPP's "tenaga kerja baru" and
 * "tenaga kerja keluar"): when it started and, once it has, when and why it ended. The start date
 * names the employment: a later report of the same start is about the same employment.
 */
export interface EmploymentReport {
  readonly segment: MembershipSegment;
  readonly startedOn: IsoDate;
  readonly endedOn: IsoDate | null;
  readonly endReason: EmploymentEndReason | null;
}

/** What the registry does with a report, given the employments it holds of that KPJ there. */
export type EmploymentReportDecision<P> =
  /** A new employment: it is registered (ended already, if the report says so). */
  | { readonly kind: 'register' }
  /** The open employment the report names has ended: its end is recorded. */
  | { readonly kind: 'end'; readonly participation: P }
  /** The registry already holds the employment as reported. */
  | { readonly kind: 'unchanged'; readonly participation: P };

export type EmploymentReportError =
  /** An end without a reason, or a reason without an end. */
  | 'EMPLOYMENT_END_INCOMPLETE'
  /** The end is before the start. */
  | 'EMPLOYMENT_ENDS_BEFORE_START'
  /** The employment ended on another date or for another reason: a report cannot change or reopen it. */
  | 'EMPLOYMENT_ALREADY_ENDED'
  /** The registry has this employment under another segment. */
  | 'EMPLOYMENT_SEGMENT_DIFFERS'
  /** Another employment of this KPJ at this employer covers some of the same days. */
  | 'EMPLOYMENT_OVERLAPS';

/** Does a report stand on its own (end and reason together, the end not before the start)? */
export function checkEmploymentReport(report: EmploymentReport): Result<EmploymentReport, EmploymentReportError> {
  if ((report.endedOn === null) !== (report.endReason === null)) return err('EMPLOYMENT_END_INCOMPLETE');
  if (report.endedOn !== null && report.endedOn < report.startedOn) return err('EMPLOYMENT_ENDS_BEFORE_START');
  return ok(report);
}

/** Employed on [startedOn, endedOn): do two employments share a day? */
function overlaps(a: { startedOn: IsoDate; endedOn: IsoDate | null }, b: typeof a): boolean {
  const aEndsAfterBStarts = a.endedOn === null || a.endedOn > b.startedOn;
  const bEndsAfterAStarts = b.endedOn === null || b.endedOn > a.startedOn;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/**
 * Decides what an employer's report does, given every employment the registry holds of the same
 * KPJ number at the same employer (in any order). Reports are idempotent: the same report again
 * changes nothing, so a report file sent twice, or resumed, never doubles an employment. A report
 * never rewrites an end already recorded (a correction is a branch's decision, with evidence): a
 * member's claim or status may already rest on it.
 */
export function decideEmploymentReport<P extends Participation>(
  report: EmploymentReport,
  existing: readonly P[],
): Result<EmploymentReportDecision<P>, EmploymentReportError> {
  const checked = checkEmploymentReport(report);
  if (!checked.ok) return checked;
  const same = existing.find((p) => p.startedOn === report.startedOn);
  if (same === undefined) {
    if (existing.some((p) => overlaps(p, report))) return err('EMPLOYMENT_OVERLAPS');
    return ok({ kind: 'register' });
  }
  if (same.segment !== report.segment) return err('EMPLOYMENT_SEGMENT_DIFFERS');
  if (same.endedOn !== null) {
    return same.endedOn === report.endedOn && same.endReason === report.endReason
      ? ok({ kind: 'unchanged', participation: same })
      : err('EMPLOYMENT_ALREADY_ENDED');
  }
  if (report.endedOn === null) return ok({ kind: 'unchanged', participation: same });
  // Ending it must not make it overlap a later employment at the same employer.
  const others = existing.filter((p) => p !== same);
  if (others.some((p) => overlaps(p, report))) return err('EMPLOYMENT_OVERLAPS');
  return ok({ kind: 'end', participation: same });
}
