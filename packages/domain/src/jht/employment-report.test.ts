import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEmploymentReport, type EmploymentReport } from './employment-report.js';
import type { EmploymentEndReason, Participation } from './participation.js';

const KPJ = '19011111111';
const NPP = '12345678';

const held = (
  startedOn: string,
  endedOn: string | null = null,
  endReason: EmploymentEndReason | null = null,
  segment: Participation['segment'] = 'PU',
): Participation => ({ kpj: KPJ, npp: NPP, segment, startedOn, endedOn, endReason });

const report = (
  startedOn: string,
  endedOn: string | null = null,
  endReason: EmploymentEndReason | null = null,
  segment: EmploymentReport['segment'] = 'PU',
): EmploymentReport => ({ segment, startedOn, endedOn, endReason });

/** The decision's kind, or the error code. */
const outcomeOf = (r: EmploymentReport, existing: Participation[]): string => {
  const decision = decideEmploymentReport(r, existing);
  return decision.ok ? decision.value.kind : decision.error;
};

describe('decideEmploymentReport', () => {
  it.each([
    ['a first employment', report('2024-01-01'), [], 'register'],
    ['a first employment reported after it ended', report('2024-01-01', '2025-06-30', 'resignation'), [], 'register'],
    [
      'the end of the open employment it names',
      report('2024-01-01', '2026-08-31', 'resignation'),
      [held('2024-01-01')],
      'end',
    ],
    ['the start of an employment already registered', report('2024-01-01'), [held('2024-01-01')], 'unchanged'],
    [
      'an end already recorded, reported again',
      report('2024-01-01', '2026-08-31', 'phk'),
      [held('2024-01-01', '2026-08-31', 'phk')],
      'unchanged',
    ],
    [
      'the start of an employment that has ended since',
      report('2024-01-01'),
      [held('2024-01-01', '2026-08-31', 'phk')],
      'EMPLOYMENT_ALREADY_ENDED',
    ],
    [
      'another end date for an ended employment',
      report('2024-01-01', '2026-09-30', 'phk'),
      [held('2024-01-01', '2026-08-31', 'phk')],
      'EMPLOYMENT_ALREADY_ENDED',
    ],
    [
      'another reason for an ended employment',
      report('2024-01-01', '2026-08-31', 'resignation'),
      [held('2024-01-01', '2026-08-31', 'phk')],
      'EMPLOYMENT_ALREADY_ENDED',
    ],
    ['a second employment while the first is open', report('2025-03-01'), [held('2024-01-01')], 'EMPLOYMENT_OVERLAPS'],
    [
      'a return to the same employer after the first employment ended',
      report('2025-03-01'),
      [held('2024-01-01', '2025-02-28', 'contract_end')],
      'register',
    ],
    [
      'a return starting on the day the first ended (the end day is no longer employed)',
      report('2025-02-28'),
      [held('2024-01-01', '2025-02-28', 'contract_end')],
      'register',
    ],
    [
      'an earlier employment that runs into the registered one',
      report('2023-01-01', '2024-02-01', 'resignation'),
      [held('2024-01-01')],
      'EMPLOYMENT_OVERLAPS',
    ],
    [
      'an end without a reason',
      report('2024-01-01', '2026-08-31', null),
      [held('2024-01-01')],
      'EMPLOYMENT_END_INCOMPLETE',
    ],
    ['a reason without an end', report('2024-01-01', null, 'phk'), [held('2024-01-01')], 'EMPLOYMENT_END_INCOMPLETE'],
    [
      'an end before the start',
      report('2024-01-01', '2023-12-31', 'phk'),
      [held('2024-01-01')],
      'EMPLOYMENT_ENDS_BEFORE_START',
    ],
    [
      'an end on the day it started (a one-day contract ends the same day)',
      report('2024-01-01', '2024-01-01', 'contract_end'),
      [],
      'register',
    ],
    [
      'the employment under another segment',
      report('2024-01-01', '2026-08-31', 'phk', 'BPU'),
      [held('2024-01-01')],
      'EMPLOYMENT_SEGMENT_DIFFERS',
    ],
    [
      'an end that would run into a later employment at the same employer',
      report('2024-01-01', '2025-06-30', 'phk'),
      [held('2024-01-01'), held('2025-03-01', '2025-12-31', 'resignation')],
      'EMPLOYMENT_OVERLAPS',
    ],
  ] as const)('%s: %s', (_label, r, existing, expected) => {
    expect(outcomeOf(r, [...existing])).toBe(expected);
  });

  it('names the employment it ends or finds unchanged', () => {
    const open = held('2024-01-01');
    const decision = decideEmploymentReport(report('2024-01-01', '2026-08-31', 'resignation'), [
      held('2020-01-01', '2021-01-01', 'phk'),
      open,
    ]);
    expect(decision).toEqual({ ok: true, value: { kind: 'end', participation: open } });
  });

  const date = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const reason = fc.constantFrom<EmploymentEndReason>('resignation', 'phk', 'contract_end', 'retirement');
  const anyReport = fc
    .tuple(date, fc.option(fc.tuple(date, reason), { nil: null }))
    .map(([start, end]) =>
      end === null ? report(start) : end[0] < start ? report(end[0], start, end[1]) : report(start, end[0], end[1]),
    );

  /** Applies a report to a registry as the import does; the decision's kind or the error. */
  const applyTo = (registry: Participation[], r: EmploymentReport): string => {
    const decision = decideEmploymentReport(r, registry);
    if (!decision.ok) return decision.error;
    const recorded = held(r.startedOn, r.endedOn, r.endReason, r.segment);
    if (decision.value.kind === 'register') registry.push(recorded);
    if (decision.value.kind === 'end') registry[registry.indexOf(decision.value.participation)] = recorded;
    return decision.value.kind;
  };

  it('is idempotent: once a report is applied, the same report changes nothing', () => {
    fc.assert(
      fc.property(fc.array(anyReport, { maxLength: 6 }), anyReport, (earlier, last) => {
        const registry: Participation[] = [];
        for (const r of earlier) applyTo(registry, r);
        const first = applyTo(registry, last);
        const again = applyTo(registry, last);
        expect(again).toBe(first === 'register' || first === 'end' || first === 'unchanged' ? 'unchanged' : first);
      }),
    );
  });

  it('never lets two employments at one employer share a day', () => {
    fc.assert(
      fc.property(fc.array(anyReport, { maxLength: 8 }), (reports) => {
        const registry: Participation[] = [];
        for (const r of reports) applyTo(registry, r);
        for (const a of registry)
          for (const b of registry) {
            if (a === b) continue;
            const shareADay =
              (a.endedOn === null || a.endedOn > b.startedOn) && (b.endedOn === null || b.endedOn > a.startedOn);
            expect(shareADay).toBe(false);
          }
      }),
    );
  });
});
