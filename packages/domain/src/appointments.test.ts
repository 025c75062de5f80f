import { describe, expect, it } from 'vitest';
import { appointmentSlots, bookableDays, checkAppointmentRequest, isServiceDay } from './appointments.js';

describe('branch appointments', () => {
  it('opens Monday to Friday only', () => {
    // 2026-11-23 is a Monday.
    expect(['2026-11-23', '2026-11-27', '2026-11-28', '2026-11-29'].map(isServiceDay)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('offers service days from tomorrow to two weeks ahead, never today', () => {
    const days = bookableDays('2026-11-24');
    expect(days[0]).toBe('2026-11-25');
    expect(days.at(-1)).toBe('2026-12-08');
    expect(days).not.toContain('2026-11-28');
    expect(days).toHaveLength(10);
  });

  it('cuts the day into half-hour slots from 08:00 to 15:00 with three places each', () => {
    const slots = appointmentSlots(new Map([['09:30', 2]]));
    expect(slots).toHaveLength(14);
    expect(slots[0]).toEqual({ slot: '08:00', free: 3 });
    expect(slots.at(-1)).toEqual({ slot: '14:30', free: 3 });
    expect(slots.find((s) => s.slot === '09:30')).toEqual({ slot: '09:30', free: 1 });
  });

  it('refuses a full slot, a slot that does not exist and a day outside the window', () => {
    const today = '2026-11-24';
    expect(checkAppointmentRequest({ day: '2026-11-25', slot: '09:30' }, today, new Map([['09:30', 3]]))).toEqual({
      ok: false,
      error: 'SLOT_FULL',
    });
    expect(checkAppointmentRequest({ day: '2026-11-25', slot: '09:31' }, today, new Map()).ok).toBe(false);
    expect(checkAppointmentRequest({ day: '2026-11-24', slot: '09:30' }, today, new Map())).toEqual({
      ok: false,
      error: 'DAY_NOT_BOOKABLE',
    });
    expect(checkAppointmentRequest({ day: '2026-11-25', slot: '09:30' }, today, new Map([['09:30', 2]]))).toEqual({
      ok: true,
      value: true,
    });
  });
});
