import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessJhtClaim,
  JHT_CLAIM_BLOCKERS,
  JHT_CLAIM_REASONS,
  type JhtClaimAssessment,
  type JhtClaimInput,
  type JhtClaimReason,
} from './jht-claim.js';
import { addDaysToDate } from './jht-dates.js';
import { DEFAULT_JHT_SETTINGS } from './jht-settings.js';
import type { EmploymentEndReason, Participation } from './participation.js';

const job = (startedOn: string, endedOn: string | null = null, endReason: EmploymentEndReason | null = null) =>
  ({ kpj: '19012345678', npp: '12345678', segment: 'PU', startedOn, endedOn, endReason }) as Participation;

/** A member who resigned on 31 January 2025 after ten years at one employer. */
const resigned: JhtClaimInput = {
  reason: 'resignation',
  asOf: '2025-02-28',
  birthDate: '1990-08-17',
  participations: [job('2015-03-02', '2025-01-31', 'resignation')],
  balance: 12_000_000,
  firstMembershipOn: '2015-03-02',
  previousPartialClaim: false,
  pendingClaimSameReason: false,
  hasNpwp: false,
  unmergedKpjCount: 0,
  employerReportedEnd: true,
  claimant: 'member',
};
/** The same member still working there. */
const working: JhtClaimInput = { ...resigned, participations: [job('2015-03-02')], employerReportedEnd: false };

type Expected = Pick<JhtClaimAssessment, 'blockers' | 'earliestEligibleOn'>;
const assess = (base: JhtClaimInput, change: Partial<JhtClaimInput>): JhtClaimAssessment =>
  assessJhtClaim({ ...base, ...change });

describe('assessJhtClaim: when each reason is payable', () => {
  it.each<[string, JhtClaimInput, Partial<JhtClaimInput>, Expected]>([
    // Resignation: one month after the resignation date, 31 January → 28 February.
    [
      'resignation, the day before the wait ends',
      resigned,
      { asOf: '2025-02-27' },
      { blockers: ['waiting_period'], earliestEligibleOn: '2025-02-28' },
    ],
    [
      'resignation, the day the wait ends',
      resigned,
      { asOf: '2025-02-28' },
      { blockers: [], earliestEligibleOn: '2025-02-28' },
    ],
    ['resignation, later', resigned, { asOf: '2025-06-01' }, { blockers: [], earliestEligibleOn: '2025-06-01' }],
    [
      'resignation on 31 January of a leap year, on 28 February',
      resigned,
      { asOf: '2024-02-28', participations: [job('2015-03-02', '2024-01-31', 'resignation')] },
      { blockers: ['waiting_period'], earliestEligibleOn: '2024-02-29' },
    ],
    [
      'resignation on 15 January, on 14 February',
      resigned,
      { asOf: '2025-02-14', participations: [job('2015-03-02', '2025-01-15', 'resignation')] },
      { blockers: ['waiting_period'], earliestEligibleOn: '2025-02-15' },
    ],
    [
      'resignation on 15 January, on 15 February',
      resigned,
      { asOf: '2025-02-15', participations: [job('2015-03-02', '2025-01-15', 'resignation')] },
      { blockers: [], earliestEligibleOn: '2025-02-15' },
    ],
    [
      'resignation the employer has not reported',
      working,
      { asOf: '2025-03-10' },
      { blockers: ['employment_not_ended_by_employer', 'still_employed'], earliestEligibleOn: null },
    ],
    [
      'resignation reported but not flagged as reported by the employer',
      resigned,
      { employerReportedEnd: false },
      { blockers: ['employment_not_ended_by_employer'], earliestEligibleOn: null },
    ],
    [
      'resignation reported for the end of next month',
      resigned,
      { asOf: '2025-03-10', participations: [job('2015-03-02', '2025-03-31', 'resignation')] },
      { blockers: ['still_employed'], earliestEligibleOn: '2025-04-30' },
    ],
    [
      'resignation while already working for a new employer',
      resigned,
      { asOf: '2025-04-01', participations: [job('2015-03-02', '2025-01-31', 'resignation'), job('2025-03-01')] },
      { blockers: ['still_employed'], earliestEligibleOn: null },
    ],
    [
      'resignation claimed where the employer reported a PHK',
      resigned,
      { participations: [job('2015-03-02', '2025-01-31', 'phk')] },
      { blockers: ['end_reason_mismatch'], earliestEligibleOn: null },
    ],
    // PHK: one month after the PHK date.
    [
      'PHK, the day before the wait ends',
      resigned,
      { reason: 'phk', asOf: '2025-04-29', participations: [job('2015-03-02', '2025-03-31', 'phk')] },
      { blockers: ['waiting_period'], earliestEligibleOn: '2025-04-30' },
    ],
    [
      'PHK, the day the wait ends',
      resigned,
      { reason: 'phk', asOf: '2025-04-30', participations: [job('2015-03-02', '2025-03-31', 'phk')] },
      { blockers: [], earliestEligibleOn: '2025-04-30' },
    ],
    [
      'PHK not reported by the employer',
      working,
      { reason: 'phk' },
      { blockers: ['employment_not_ended_by_employer', 'still_employed'], earliestEligibleOn: null },
    ],
    // End of a fixed-term contract: at once.
    [
      'end of contract, the day before it ends',
      resigned,
      { reason: 'contract_end', asOf: '2025-01-30', participations: [job('2024-02-01', '2025-01-31', 'contract_end')] },
      { blockers: ['still_employed'], earliestEligibleOn: '2025-01-31' },
    ],
    [
      'end of contract, the day it ends',
      resigned,
      { reason: 'contract_end', asOf: '2025-01-31', participations: [job('2024-02-01', '2025-01-31', 'contract_end')] },
      { blockers: [], earliestEligibleOn: '2025-01-31' },
    ],
    [
      'end of contract with no end reported',
      working,
      { reason: 'contract_end', participations: [] },
      { blockers: ['employment_not_ended_by_employer'], earliestEligibleOn: null },
    ],
    // Age 56: at once from the 56th birthday, employed or not.
    [
      'age 56, the day before the birthday',
      working,
      { reason: 'age_56', birthDate: '1969-05-10', asOf: '2025-05-09' },
      { blockers: ['under_retirement_age'], earliestEligibleOn: '2025-05-10' },
    ],
    [
      'age 56, on the birthday',
      working,
      { reason: 'age_56', birthDate: '1969-05-10', asOf: '2025-05-10' },
      { blockers: [], earliestEligibleOn: '2025-05-10' },
    ],
    [
      'age 56, born on 29 February, on 28 February of that leap year',
      working,
      { reason: 'age_56', birthDate: '1968-02-29', asOf: '2024-02-28' },
      { blockers: ['under_retirement_age'], earliestEligibleOn: '2024-02-29' },
    ],
    [
      'age 56, born on 29 February 2044, on 28 February 2100 (a common year)',
      working,
      { reason: 'age_56', birthDate: '2044-02-29', asOf: '2100-02-28' },
      { blockers: [], earliestEligibleOn: '2100-02-28' },
    ],
    [
      'age 56, born on 29 February 2044, on 27 February 2100',
      working,
      { reason: 'age_56', birthDate: '2044-02-29', asOf: '2100-02-27' },
      { blockers: ['under_retirement_age'], earliestEligibleOn: '2100-02-28' },
    ],
    [
      'a contract retirement age reached before 56',
      resigned,
      { reason: 'age_56', birthDate: '1970-01-01', participations: [job('1995-01-02', '2025-01-01', 'retirement')] },
      { blockers: [], earliestEligibleOn: '2025-02-28' },
    ],
    [
      'age 56 without a recorded birth date',
      working,
      { reason: 'age_56', birthDate: null },
      { blockers: ['birth_date_unknown'], earliestEligibleOn: null },
    ],
    // At once.
    [
      'permanent total disability',
      working,
      { reason: 'disability' },
      { blockers: [], earliestEligibleOn: '2025-02-28' },
    ],
    [
      'leaving Indonesia for good',
      working,
      { reason: 'leaving_indonesia' },
      { blockers: [], earliestEligibleOn: '2025-02-28' },
    ],
    [
      'death, claimed by an heir',
      working,
      { reason: 'death', claimant: 'heir' },
      { blockers: [], earliestEligibleOn: '2025-02-28' },
    ],
    [
      'death, claimed as the member',
      working,
      { reason: 'death' },
      { blockers: ['claimant_must_be_heir'], earliestEligibleOn: null },
    ],
    [
      'an heir claiming for another reason',
      resigned,
      { claimant: 'heir' },
      { blockers: ['claimant_must_be_member'], earliestEligibleOn: null },
    ],
    // Partial claims: after 10 years of membership, while employed, once in a lifetime.
    [
      '10% partial claim, the day before 10 years',
      working,
      { reason: 'partial_10', asOf: '2025-03-01' },
      { blockers: ['membership_under_10_years'], earliestEligibleOn: '2025-03-02' },
    ],
    [
      '10% partial claim, exactly 10 years',
      working,
      { reason: 'partial_10', asOf: '2025-03-02' },
      { blockers: [], earliestEligibleOn: '2025-03-02' },
    ],
    [
      '30% partial claim, member since 29 February 2016, on 27 February 2026',
      working,
      { reason: 'partial_30', firstMembershipOn: '2016-02-29', asOf: '2026-02-27' },
      { blockers: ['membership_under_10_years'], earliestEligibleOn: '2026-02-28' },
    ],
    [
      '30% partial claim, member since 29 February 2016, on 28 February 2026',
      working,
      { reason: 'partial_30', firstMembershipOn: '2016-02-29', asOf: '2026-02-28' },
      { blockers: [], earliestEligibleOn: '2026-02-28' },
    ],
    [
      'a second partial claim',
      working,
      { reason: 'partial_30', asOf: '2025-06-01', previousPartialClaim: true },
      { blockers: ['partial_already_taken'], earliestEligibleOn: null },
    ],
    [
      'a partial claim after the employment ended',
      resigned,
      { reason: 'partial_10', asOf: '2025-06-01' },
      { blockers: ['not_employed'], earliestEligibleOn: null },
    ],
    // Whatever the reason.
    [
      'KPJ numbers not merged',
      resigned,
      { unmergedKpjCount: 2 },
      { blockers: ['merge_kpj_first'], earliestEligibleOn: null },
    ],
    [
      'a claim for the same reason in progress',
      resigned,
      { pendingClaimSameReason: true, asOf: '2025-02-01' },
      { blockers: ['claim_in_progress', 'waiting_period'], earliestEligibleOn: null },
    ],
    ['no balance', resigned, { balance: 0 }, { blockers: ['no_balance'], earliestEligibleOn: null }],
    [
      'above Rp50 million without an NPWP',
      resigned,
      { balance: 50_000_001 },
      { blockers: ['npwp_required'], earliestEligibleOn: null },
    ],
    [
      'above Rp50 million with an NPWP',
      resigned,
      { balance: 50_000_001, hasNpwp: true },
      { blockers: [], earliestEligibleOn: '2025-02-28' },
    ],
    [
      'exactly Rp50 million without an NPWP',
      resigned,
      { balance: 50_000_000 },
      { blockers: [], earliestEligibleOn: '2025-02-28' },
    ],
  ])('%s', (_label, base, change, expected) => {
    const result = assess(base, change);
    expect({ blockers: result.blockers, earliestEligibleOn: result.earliestEligibleOn }).toEqual(expected);
    expect(result.eligible).toBe(expected.blockers.length === 0);
  });

  it('waits with the waiting period in force on the day judged', () => {
    const settings = { ...DEFAULT_JHT_SETTINGS, resignationWaitingMonths: [{ from: '1900-01-01', value: 3 }] };
    expect(assessJhtClaim({ ...resigned, asOf: '2025-04-29' }, settings)).toMatchObject({
      blockers: ['waiting_period'],
      earliestEligibleOn: '2025-04-30',
    });
  });
});

describe('assessJhtClaim: documents', () => {
  it.each<[JhtClaimReason, Partial<JhtClaimInput>, string[]]>([
    ['age_56', {}, ['ktp', 'kpj_card', 'bank_book']],
    ['resignation', {}, ['ktp', 'kpj_card', 'paklaring', 'bank_book']],
    ['phk', {}, ['ktp', 'kpj_card', 'phk_proof', 'bank_book']],
    ['contract_end', {}, ['ktp', 'kpj_card', 'bank_book']],
    ['disability', {}, ['ktp', 'kpj_card', 'doctor_certificate', 'bank_book']],
    ['death', { claimant: 'heir' }, ['death_certificate', 'family_card', 'heir_ktp', 'bank_book']],
    ['leaving_indonesia', {}, ['ktp', 'kpj_card', 'passport_visa', 'bank_book']],
    ['partial_10', {}, ['ktp', 'kpj_card', 'bank_book']],
    ['partial_30', {}, ['ktp', 'kpj_card', 'bank_book']],
    ['resignation', { balance: 80_000_000, hasNpwp: true }, ['ktp', 'kpj_card', 'paklaring', 'npwp', 'bank_book']],
    ['partial_30', { balance: 200_000_000 }, ['ktp', 'kpj_card', 'npwp', 'bank_book']], // 30% is Rp60 million
    ['partial_10', { balance: 200_000_000 }, ['ktp', 'kpj_card', 'bank_book']], // 10% is Rp20 million
  ])('asks for a %s claim (%j) for %j', (reason, change, documents) => {
    expect(assess(resigned, { reason, ...change }).documents).toEqual(documents);
  });
});

describe('assessJhtClaim: amounts and channel', () => {
  it.each<[string, Partial<JhtClaimInput>, Pick<JhtClaimAssessment, 'gross' | 'tax' | 'net'>]>([
    ['the whole balance', { balance: 12_000_000 }, { gross: 12_000_000, tax: 0, net: 12_000_000 }],
    [
      'Rp60 million with an NPWP: 5% above Rp50 million',
      { balance: 60_000_000, hasNpwp: true },
      { gross: 60_000_000, tax: 500_000, net: 59_500_000 },
    ],
    [
      'Rp60 million without: 6%, and blocked for the NPWP',
      { balance: 60_000_000 },
      { gross: 60_000_000, tax: 600_000, net: 59_400_000 },
    ],
    [
      '10% of the balance, rounded down',
      { reason: 'partial_10', participations: [job('2015-03-02')], balance: 12_345_679 },
      { gross: 1_234_567, tax: 0, net: 1_234_567 },
    ],
    [
      '30% of the balance',
      { reason: 'partial_30', participations: [job('2015-03-02')], balance: 200_000_000, hasNpwp: true },
      { gross: 60_000_000, tax: 500_000, net: 59_500_000 },
    ],
  ])('pays %s', (_label, change, amounts) => {
    expect(assess(resigned, change)).toMatchObject(amounts);
  });

  it.each<[string, number, 'online' | 'branch']>([
    ['2025-04-30', 10_000_000, 'online'],
    ['2025-04-30', 10_000_001, 'branch'], // Rp10 million before May 2025
    ['2025-05-01', 15_000_000, 'online'],
    ['2025-05-01', 15_000_001, 'branch'],
  ])('on %s sends a claim on a balance of Rp%i to the %s channel', (asOf, balance, channel) => {
    expect(assess(resigned, { asOf, balance }).channel).toBe(channel);
  });

  it('sends heirs claiming after a death to a branch whatever the balance', () => {
    expect(assess(working, { reason: 'death', claimant: 'heir', balance: 1_000_000 }).channel).toBe('branch');
  });

  it('judges the channel on the balance, not on a partial amount', () => {
    const partial = assess(working, { reason: 'partial_10', asOf: '2025-06-01', balance: 20_000_000 });
    expect([partial.gross, partial.channel, partial.onlineClaimLimit]).toEqual([2_000_000, 'branch', 15_000_000]);
  });
});

// Random claims between 2015 and 2030 by members born between 1950 and 2000.
const dayFrom = (start: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => addDaysToDate(start, n));
const participation: fc.Arbitrary<Participation> = fc
  .record({
    startedOn: dayFrom('2000-01-01', 25 * 366),
    length: fc.option(fc.integer({ min: 0, max: 6_000 }), { nil: null }),
    endReason: fc.constantFrom<EmploymentEndReason>('resignation', 'phk', 'contract_end', 'retirement'),
  })
  .map(({ startedOn, length, endReason }) =>
    length === null ? job(startedOn) : job(startedOn, addDaysToDate(startedOn, length), endReason),
  );
const claim: fc.Arbitrary<JhtClaimInput> = fc.record({
  reason: fc.constantFrom(...JHT_CLAIM_REASONS),
  asOf: dayFrom('2015-01-01', 15 * 366),
  birthDate: fc.option(dayFrom('1950-01-01', 50 * 366), { nil: null, freq: 10 }),
  participations: fc.array(participation, { maxLength: 3 }),
  balance: fc.integer({ min: 0, max: 300_000_000 }),
  firstMembershipOn: dayFrom('2000-01-01', 25 * 366),
  previousPartialClaim: fc.boolean(),
  pendingClaimSameReason: fc.boolean(),
  hasNpwp: fc.boolean(),
  unmergedKpjCount: fc.constantFrom(0, 0, 0, 1, 2),
  employerReportedEnd: fc.boolean(),
  claimant: fc.constantFrom('member', 'member', 'heir'),
});

describe('assessJhtClaim: properties', () => {
  it('is eligible exactly when there is no blocker, and lists blockers once, in the documented order', () => {
    fc.assert(
      fc.property(claim, (input) => {
        const { eligible, blockers } = assessJhtClaim(input);
        expect(eligible).toBe(blockers.length === 0);
        const order: readonly string[] = JHT_CLAIM_BLOCKERS;
        expect([...blockers].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(blockers);
        expect(new Set(blockers).size).toBe(blockers.length);
      }),
    );
  });

  it('pays net = gross - tax, with 0 <= tax <= gross <= balance, a partial share rounded down', () => {
    fc.assert(
      fc.property(claim, (input) => {
        const { gross, tax, net } = assessJhtClaim(input);
        expect(net).toBe(gross - tax);
        expect(tax).toBeGreaterThanOrEqual(0);
        expect(tax).toBeLessThanOrEqual(gross);
        expect(gross).toBeLessThanOrEqual(input.balance);
        const share = { partial_10: 10, partial_30: 30 }[input.reason as 'partial_10' | 'partial_30'] ?? 100;
        expect(gross).toBe(Math.floor((input.balance * share) / 100));
      }),
    );
  });

  it('needs an NPWP exactly above Rp50 million gross, and blocks without one', () => {
    fc.assert(
      fc.property(claim, (input) => {
        const { gross, documents, blockers } = assessJhtClaim(input);
        expect(documents.includes('npwp')).toBe(gross > 50_000_000);
        expect(blockers.includes('npwp_required')).toBe(gross > 50_000_000 && !input.hasNpwp);
        expect(documents[documents.length - 1]).toBe('bank_book');
      }),
    );
  });

  it('goes online exactly when the balance is within the limit of the day and a member claims', () => {
    fc.assert(
      fc.property(claim, (input) => {
        const limit = input.asOf < '2025-05-01' ? 10_000_000 : 15_000_000;
        const online = input.balance <= limit && input.claimant === 'member' && input.reason !== 'death';
        expect(assessJhtClaim(input).channel).toBe(online ? 'online' : 'branch');
      }),
    );
  });

  it('is eligible on its earliest eligible day and not the day before', () => {
    fc.assert(
      fc.property(claim, (input) => {
        const { earliestEligibleOn, eligible } = assessJhtClaim(input);
        if (earliestEligibleOn === null) {
          expect(eligible).toBe(false);
          return;
        }
        expect(earliestEligibleOn >= input.asOf).toBe(true);
        expect(eligible).toBe(earliestEligibleOn === input.asOf);
        expect(assessJhtClaim({ ...input, asOf: earliestEligibleOn }).eligible).toBe(true);
        if (earliestEligibleOn > input.asOf) {
          expect(assessJhtClaim({ ...input, asOf: addDaysToDate(earliestEligibleOn, -1) }).eligible).toBe(false);
        }
      }),
    );
  });

  it('never becomes eligible by waiting when it has no earliest eligible day', () => {
    fc.assert(
      fc.property(claim, fc.integer({ min: 1, max: 40 * 366 }), (input, wait) => {
        fc.pre(assessJhtClaim(input).earliestEligibleOn === null);
        expect(assessJhtClaim({ ...input, asOf: addDaysToDate(input.asOf, wait) }).eligible).toBe(false);
      }),
    );
  });

  it('does not depend on the order of participations', () => {
    fc.assert(
      fc.property(claim, (input) => {
        const reversed = { ...input, participations: [...input.participations].reverse() };
        expect(assessJhtClaim(reversed)).toEqual(assessJhtClaim(input));
      }),
    );
  });
});
