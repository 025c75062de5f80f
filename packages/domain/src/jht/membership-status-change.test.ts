import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToDate, periodFromIndex, periodIndex } from './jht-dates.js';
import type { MembershipFacts } from './membership-status.js';
import { membershipStatusOn } from './membership-status.js';
import { nextMembershipStatusChange } from './membership-status-change.js';
import type { Participation } from './participation.js';

const job = (startedOn: string, endedOn: string | null = null): Participation => ({
  kpj: '19012345678',
  npp: '12345678',
  segment: 'PU',
  startedOn,
  endedOn,
  endReason: endedOn === null ? null : 'resignation',
});
const months = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let m = periodIndex(from); m <= periodIndex(to); m++) out.push(periodFromIndex(m));
  return out;
};
const worker = (facts: Partial<MembershipFacts>): MembershipFacts => ({
  birthDate: '1985-07-17',
  diedOn: null,
  dataMismatch: false,
  participations: [job('2020-01-06')],
  paidPeriods: months('2020-01', '2026-10'),
  ...facts,
});

describe('nextMembershipStatusChange', () => {
  it('finds the first of the month on which three unpaid months make an aktif member non-aktif', () => {
    // Paid up to October: November, December and January unpaid make it non-aktif on 1 February.
    expect(nextMembershipStatusChange(worker({}), '2026-11-25', '2027-11-25')).toBe('2027-02-01');
  });

  it('finds the day an employment ends and the 56th birthday', () => {
    expect(
      nextMembershipStatusChange(
        worker({ participations: [job('2020-01-06', '2026-12-20')] }),
        '2026-11-25',
        '2027-11-25',
      ),
    ).toBe('2026-12-20');
    expect(nextMembershipStatusChange(worker({ birthDate: '1970-12-10' }), '2026-11-25', '2027-11-25')).toBe(
      '2026-12-10',
    );
  });

  it('finds the day a registered employment begins for a member without one', () => {
    const facts = worker({ participations: [job('2020-01-06', '2024-03-01'), job('2027-03-01')] });
    expect(membershipStatusOn(facts, '2026-11-25').status).toBe('non_aktif');
    expect(nextMembershipStatusChange(facts, '2026-11-25', '2027-11-25')).toBe('2027-03-01');
  });

  it('answers the horizon when nothing ahead changes the status', () => {
    const facts = worker({ participations: [job('2020-01-06', '2024-03-01')] });
    expect(nextMembershipStatusChange(facts, '2026-11-25', '2027-05-25')).toBe('2027-05-25');
    // Non-aktif for unpaid months: only a payment (a new fact) makes it aktif again.
    expect(
      nextMembershipStatusChange(worker({ paidPeriods: months('2020-01', '2025-12') }), '2026-11-25', '2027-11-25'),
    ).toBe('2027-11-25');
  });

  it('refuses a horizon that is not after the day', () => {
    expect(() => nextMembershipStatusChange(worker({}), '2026-11-25', '2026-11-25')).toThrow(/horizon/);
  });

  it('is the first day a day-by-day walk finds a different status (generated facts)', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((d) => addDaysToDate('2024-06-01', d));
    const facts = fc.record({
      birthDate: fc.oneof(
        fc.constant(null),
        fc.integer({ min: 0, max: 800 }).map((d) => addDaysToDate('1968-06-01', d)),
      ),
      diedOn: fc.oneof(fc.constant(null), day),
      participations: fc.array(
        fc
          .tuple(day, fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 500 })))
          .map(([start, length]) => job(start, length === null ? null : addDaysToDate(start, length))),
        { maxLength: 3 },
      ),
      paidPeriods: fc.array(
        fc.integer({ min: 0, max: 30 }).map((m) => periodFromIndex(periodIndex('2024-06') + m)),
        { maxLength: 30 },
      ),
    });
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 500 }), (partial, offset) => {
        const f: MembershipFacts = { ...partial, dataMismatch: false };
        const asOf = addDaysToDate('2024-09-01', offset);
        const horizon = addDaysToDate(asOf, 400);
        const now = membershipStatusOn(f, asOf).status;
        let walked = horizon;
        for (let d = addDaysToDate(asOf, 1); d < horizon; d = addDaysToDate(d, 1)) {
          if (membershipStatusOn(f, d).status !== now) {
            walked = d;
            break;
          }
        }
        expect(nextMembershipStatusChange(f, asOf, horizon)).toBe(walked);
      }),
      { numRuns: 150 },
    );
  });
});
