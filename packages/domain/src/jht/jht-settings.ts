import type { IsoDate } from '../calendar.js';
import { err, ok, type Result } from '../result.js';
import { requireIsoDate } from './jht-dates.js';

/**
 * A setting that changes over time: each entry is in force from its `from` date (included) until
 * the next entry's. Regulations change on known dates, and a claim or a status must be judged with
 * the value in force on its own date, so no rate, limit or waiting period is a constant in code.
 */
export type Dated<T> = readonly { readonly from: IsoDate; readonly value: T }[];

/**
 * The value in force on `date`: the entry with the latest `from` on or before it, whatever the
 * order of the entries. A date before every entry has no value; asking for one is a bug (the
 * defaults start in 1900 so that no date the system handles falls before them).
 */
export function valueOn<T>(dated: Dated<T>, date: IsoDate): T {
  requireIsoDate(date);
  let best: { readonly from: IsoDate; readonly value: T } | undefined;
  for (const entry of dated) {
    if (entry.from <= date && (best === undefined || entry.from > best.from)) best = entry;
  }
  if (best === undefined) throw new Error(`no setting in force on ${date}`);
  return best.value;
}

/** One bracket of a progressive tax: the rate on the part of the amount up to `upTo` (null: no end). */
export interface TaxBracket {
  readonly upTo: number | null;
  readonly rateBasisPoints: number;
}

/** JHT contribution rates of a wage earner (PU), in basis points of the wage (200 = 2%). */
export interface JhtContributionRates {
  readonly employeeBasisPoints: number;
  readonly employerBasisPoints: number;
}

/**
 * Every figure of the JHT rules. Money in whole rupiah, rates in basis points (1 bp = 0.01%),
 * periods in whole calendar months or years. Yearly yield rates are not settings: they are data
 * published each year and passed in by the caller.
 */
export interface JhtSettings {
  /** Claims may be made online while the balance is at most this; above it, at a branch. */
  readonly onlineClaimLimit: Dated<number>;
  /** The age at which JHT is payable at once and membership becomes non-aktif. */
  readonly retirementAge: Dated<number>;
  /** Months after the employer's resignation date before a resignation claim is payable. */
  readonly resignationWaitingMonths: Dated<number>;
  /** Months after the PHK date before a PHK claim is payable. */
  readonly phkWaitingMonths: Dated<number>;
  /** Years of membership before a partial claim. */
  readonly partialClaimMinimumMembershipYears: Dated<number>;
  /** The most a retirement-preparation partial claim may take, of the balance. */
  readonly partialRetirementPreparationBasisPoints: Dated<number>;
  /** The most a housing partial claim may take, of the balance. */
  readonly partialHousingBasisPoints: Dated<number>;
  /** Progressive brackets of the tax on a JHT lump sum, ascending, the last one open-ended. */
  readonly taxBrackets: Dated<readonly TaxBracket[]>;
  /** Without an NPWP each bracket's rate is this much higher (2000 = 20% higher: 5% becomes 6%). */
  readonly noNpwpSurchargeBasisPoints: Dated<number>;
  /** A claim whose gross amount is above this needs an NPWP. */
  readonly npwpRequiredAbove: Dated<number>;
  /** Consecutive months without a paid contribution after which membership is non-aktif. */
  readonly membershipInactivityMonths: Dated<number>;
  /** JHT contribution rates of a wage earner (no wage cap). */
  readonly contributionRates: Dated<JhtContributionRates>;
}

/** The start of every default: earlier than any date the system handles. */
const SINCE_EVER: IsoDate = '1900-01-01';
const always = <T>(value: T): Dated<T> => Object.freeze([Object.freeze({ from: SINCE_EVER, value })]);

/** The figures of DOMAIN.md. */
export const DEFAULT_JHT_SETTINGS: JhtSettings = Object.freeze({
  // Rp10 million before May 2025 and Rp15 million since. DOMAIN.md gives only the month; the
  // exact day the higher limit took effect is not confirmed, 1 May 2025 is an assumption.
  onlineClaimLimit: Object.freeze([
    Object.freeze({ from: SINCE_EVER, value: 10_000_000 }),
    Object.freeze({ from: '2025-05-01', value: 15_000_000 }),
  ]),
  retirementAge: always(56),
  resignationWaitingMonths: always(1),
  phkWaitingMonths: always(1),
  partialClaimMinimumMembershipYears: always(10),
  partialRetirementPreparationBasisPoints: always(1_000),
  partialHousingBasisPoints: always(3_000),
  taxBrackets: always<readonly TaxBracket[]>(
    Object.freeze([
      Object.freeze({ upTo: 50_000_000, rateBasisPoints: 0 }),
      Object.freeze({ upTo: null, rateBasisPoints: 500 }),
    ]),
  ),
  noNpwpSurchargeBasisPoints: always(2_000),
  npwpRequiredAbove: always(50_000_000),
  membershipInactivityMonths: always(3),
  contributionRates: always<JhtContributionRates>(
    Object.freeze({ employeeBasisPoints: 200, employerBasisPoints: 370 }),
  ),
});

export type JhtSettingName = keyof JhtSettings;
export type JhtSettingProblem = 'empty' | 'invalid_date' | 'duplicate_date' | 'invalid_value';
/** `onlineClaimLimit:invalid_value` and so on: which setting, and what is wrong with it. */
export type JhtSettingsError = `${JhtSettingName}:${JhtSettingProblem}`;

const isCount = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isBasisPoints = (value: unknown): boolean => isCount(value) && (value as number) <= 10_000;

function isBracketList(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  let previous = 0;
  return value.every((bracket: unknown, i) => {
    if (typeof bracket !== 'object' || bracket === null) return false;
    const { upTo, rateBasisPoints } = bracket as Record<string, unknown>;
    if (!isBasisPoints(rateBasisPoints)) return false;
    const last = i === value.length - 1;
    if (last) return upTo === null;
    if (!isCount(upTo) || (upTo as number) <= previous) return false;
    previous = upTo as number;
    return true;
  });
}

function isRates(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { employeeBasisPoints, employerBasisPoints } = value as Record<string, unknown>;
  return isBasisPoints(employeeBasisPoints) && isBasisPoints(employerBasisPoints);
}

const VALUE_CHECKS: { readonly [K in JhtSettingName]: (value: unknown) => boolean } = {
  onlineClaimLimit: isCount,
  retirementAge: (v) => isCount(v) && (v as number) <= 150,
  resignationWaitingMonths: isCount,
  phkWaitingMonths: isCount,
  partialClaimMinimumMembershipYears: isCount,
  partialRetirementPreparationBasisPoints: isBasisPoints,
  partialHousingBasisPoints: isBasisPoints,
  taxBrackets: isBracketList,
  noNpwpSurchargeBasisPoints: isCount,
  npwpRequiredAbove: isCount,
  membershipInactivityMonths: (v) => isCount(v) && (v as number) >= 1,
  contributionRates: isRates,
};

const isRealDate = (value: unknown): boolean => {
  try {
    requireIsoDate(value as IsoDate);
    return true;
  } catch {
    return false;
  }
};

/**
 * Checks settings that an operator edited (stored in the database or a file) before the rules use
 * them: every setting has at least one entry, real and distinct dates, and sensible values (whole
 * non-negative numbers, rates at most 100%, tax brackets ascending and open-ended at the top).
 */
export function validateJhtSettings(settings: JhtSettings): Result<JhtSettings, JhtSettingsError> {
  for (const name of Object.keys(VALUE_CHECKS) as JhtSettingName[]) {
    const dated: unknown = settings[name];
    if (!Array.isArray(dated) || dated.length === 0) return err(`${name}:empty`);
    const seen = new Set<string>();
    for (const entry of dated as unknown[]) {
      const from = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).from : undefined;
      if (!isRealDate(from)) return err(`${name}:invalid_date`);
      if (seen.has(from as string)) return err(`${name}:duplicate_date`);
      seen.add(from as string);
      if (!VALUE_CHECKS[name]((entry as Record<string, unknown>).value)) return err(`${name}:invalid_value`);
    }
  }
  return ok(settings);
}
