import { type IsoDate, parseIsoDate } from './calendar.js';
import { addDaysToDate } from './jht/jht-dates.js';
import { err, ok, type Result } from './result.js';

/** How a branch takes appointments. Times are local branch time, `HH:MM`. */
export interface AppointmentSettings {
  readonly opensAt: string;
  readonly closesAt: string;
  readonly slotMinutes: number;
  /** Members served at once per slot (counters for appointments). */
  readonly perSlot: number;
  /** The first and last day that can be booked, counted from today (1 = tomorrow). */
  readonly minDaysAhead: number;
  readonly maxDaysAhead: number;
}

export const DEFAULT_APPOINTMENT_SETTINGS: AppointmentSettings = {
  opensAt: '08:00',
  closesAt: '15:00',
  slotMinutes: 30,
  perSlot: 3,
  minDaysAhead: 1,
  maxDaysAhead: 14,
};

const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};
const timeOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Branch offices serve Monday to Friday. */
export function isServiceDay(day: IsoDate): boolean {
  const parsed = parseIsoDate(day);
  if (!parsed) return false;
  const weekday = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The days a member may choose, from `today`: service days within the booking window. */
export function bookableDays(today: IsoDate, settings: AppointmentSettings = DEFAULT_APPOINTMENT_SETTINGS): IsoDate[] {
  const days: IsoDate[] = [];
  for (let ahead = settings.minDaysAhead; ahead <= settings.maxDaysAhead; ahead++) {
    const day = addDaysToDate(today, ahead);
    if (isServiceDay(day)) days.push(day);
  }
  return days;
}

export interface AppointmentSlot {
  readonly slot: string;
  readonly free: number;
}

/** Every slot of a day with the places still free, given how many are booked per slot. */
export function appointmentSlots(
  booked: ReadonlyMap<string, number>,
  settings: AppointmentSettings = DEFAULT_APPOINTMENT_SETTINGS,
): AppointmentSlot[] {
  const slots: AppointmentSlot[] = [];
  for (let start = minutesOf(settings.opensAt); start < minutesOf(settings.closesAt); start += settings.slotMinutes) {
    const slot = timeOf(start);
    slots.push({ slot, free: Math.max(0, settings.perSlot - (booked.get(slot) ?? 0)) });
  }
  return slots;
}

/** Whether a member may book `slot` on `day`: a bookable day, a real slot, a free place. */
export function checkAppointmentRequest(
  request: { day: IsoDate; slot: string },
  today: IsoDate,
  booked: ReadonlyMap<string, number>,
  settings: AppointmentSettings = DEFAULT_APPOINTMENT_SETTINGS,
): Result<true, 'DAY_NOT_BOOKABLE' | 'NO_SUCH_SLOT' | 'SLOT_FULL'> {
  if (!bookableDays(today, settings).includes(request.day)) return err('DAY_NOT_BOOKABLE');
  const slot = appointmentSlots(booked, settings).find((s) => s.slot === request.slot);
  if (!slot) return err('NO_SUCH_SLOT');
  return slot.free > 0 ? ok(true) : err('SLOT_FULL');
}
