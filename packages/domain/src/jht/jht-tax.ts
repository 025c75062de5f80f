import type { IsoDate } from '../calendar.js';
import { mulDivFloor, requireRupiah } from './jht-money.js';
import { DEFAULT_JHT_SETTINGS, type JhtSettings, valueOn } from './jht-settings.js';

/** The tax on one bracket of the amount. */
export interface JhtTaxLine {
  /** The bracket covers the amount above `above` up to `upTo` (null: no upper end). */
  readonly above: number;
  readonly upTo: number | null;
  /** The bracket's rate before any surcharge. */
  readonly rateBasisPoints: number;
  /** The surcharge applied to that rate (0 with an NPWP). */
  readonly surchargeBasisPoints: number;
  readonly taxable: number;
  readonly tax: number;
}

export interface JhtTax {
  readonly tax: number;
  /** One line per bracket the amount reaches, lowest first. */
  readonly lines: readonly JhtTaxLine[];
}

/**
 * The tax on a JHT lump sum paid on `date`, progressive by bracket: by default 0% on the first
 * Rp50,000,000 and 5% on the part above. Without an NPWP each rate is 20% higher (5% becomes 6%).
 * Each bracket's tax is rounded down to a whole rupiah, in the member's favour.
 */
export function computeJhtTax(
  gross: number,
  hasNpwp: boolean,
  date: IsoDate,
  settings: JhtSettings = DEFAULT_JHT_SETTINGS,
): JhtTax {
  if (requireRupiah(gross, 'gross') < 0) throw new Error(`gross must not be negative: ${gross}`);
  const surcharge = hasNpwp ? 0 : valueOn(settings.noNpwpSurchargeBasisPoints, date);
  const lines: JhtTaxLine[] = [];
  let above = 0;
  for (const { upTo, rateBasisPoints } of valueOn(settings.taxBrackets, date)) {
    if (gross <= above) break;
    const taxable = (upTo === null ? gross : Math.min(gross, upTo)) - above;
    const tax = mulDivFloor(taxable, rateBasisPoints * (10_000 + surcharge), 10_000 * 10_000);
    lines.push({ above, upTo, rateBasisPoints, surchargeBasisPoints: surcharge, taxable, tax });
    if (upTo === null) break;
    above = upTo;
  }
  return { tax: lines.reduce((sum, line) => sum + line.tax, 0), lines };
}
