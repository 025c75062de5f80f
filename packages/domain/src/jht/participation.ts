import type { IsoDate } from '../calendar.js';
import { requireIsoDate } from './jht-dates.js';

/** PU wage earners, BPU self-employed, JAKON construction workers, PMI migrant workers. */
export type MembershipSegment = 'PU' | 'BPU' | 'JAKON' | 'PMI';

/** Why the employer reported the end of employment; `retirement` is a contract retirement age. */
export type EmploymentEndReason = 'resignation' | 'phk' | 'contract_end' | 'retirement';

/** A KPJ number at an employer (NPP), as the employer registered and ended it. */
export interface Participation {
  readonly kpj: string;
  readonly npp: string;
  readonly segment: MembershipSegment;
  readonly startedOn: IsoDate;
  /**
   * The date the employment ended as the employer reported it: from that day on the member is no
   * longer employed there (so a contract that ends on 31 January is claimable on 31 January).
   */
  readonly endedOn: IsoDate | null;
  readonly endReason: EmploymentEndReason | null;
}

/** Employed under this participation on `date`: started on or before it and not yet ended. */
export function isParticipationOpenOn(participation: Participation, date: IsoDate): boolean {
  requireIsoDate(participation.startedOn, 'startedOn');
  if (participation.endedOn !== null) requireIsoDate(participation.endedOn, 'endedOn');
  return participation.startedOn <= date && (participation.endedOn === null || participation.endedOn > date);
}
