import {
  computeJhtStatement,
  type IsoPeriod,
  JHT_STATEMENT_RULES_VERSION,
  type JhtStatement,
  type JhtStatementInput,
  type JhtYieldStatus,
} from '@pulih/domain';
import type { Db } from '../db/database.js';
import { paidClaimsOfKpj } from '../repositories/claim-repository.js';
import {
  jhtContributionsOf,
  type StoredStatementRow,
  storeStatement,
  transfersOf,
  yieldRates,
} from '../repositories/jht-repository.js';
import { writeIfLockFree } from '../repositories/prepared.js';

/**
 * Stored statements (`jht_statements`): what a KPJ's contribution months, transfers, paid claims
 * and the yields come to as of a day, kept as one row, so that reading a balance or a membership
 * status does not turn every contribution month into JavaScript values and statements again.
 *
 * - A stored row is the domain's own result (`computeJhtStatement` on the rows, and the months
 *   paid), computed as of `as_of`. It holds for any day from `as_of` until the day before
 *   `valid_until`: no stored move takes effect in between (that is how `valid_until` is chosen)
 *   and the year does not change, so the domain would compute the same from the same rows. It
 *   carries the version of the domain's rules (`JHT_STATEMENT_RULES_VERSION`): a row stored by a
 *   build with other rules is computed again, not served.
 * - Triggers (migration 0009) delete the row in the same transaction as any change to those rows,
 *   whoever makes it, and every row when a yield rate changes. So a row read is never older than
 *   the rows it was computed from, in any process that shares the file.
 * - A read that finds no row (or one that does not hold for its day) computes from the rows and
 *   stores the result, in an IMMEDIATE transaction taken only if the write lock is free at once:
 *   under the lock the rows cannot change between computing and storing, and a busy writer (an
 *   import) never makes a member wait: the result is then returned without being stored.
 */

/** The statement input of one KPJ number: its paid contributions, its balance moves, the yields. */
export function statementInputOf(db: Db, kpj: string, asOf: string): JhtStatementInput {
  return {
    contributions: jhtContributionsOf(db, kpj),
    transfers: transfersOf(db, kpj).map((t) => ({
      date: t.transferredOn,
      amount: t.amount,
      direction: t.fromKpj === kpj ? ('out' as const) : ('in' as const),
      counterpartKpj: t.fromKpj === kpj ? t.toKpj : t.fromKpj,
    })),
    payouts: paidClaimsOfKpj(db, kpj),
    yieldRates: yieldRates(db),
    asOf,
  };
}

/** A KPJ's statement and its paid months as of one day. */
export interface KpjFigures {
  readonly statement: JhtStatement;
  /** Months (`YYYY-MM`) with a contribution paid by that day, ascending, each once. */
  readonly paidPeriods: readonly IsoPeriod[];
}

/** The figures of one KPJ computed from its rows, as a row to store. */
export function computeStoredStatement(db: Db, kpj: string, asOf: string): StoredStatementRow {
  const input = statementInputOf(db, kpj, asOf);
  const statement = computeJhtStatement(input);
  const paid = new Set<string>();
  // The first day a stored move takes effect after `asOf`, at the latest the next 1 January.
  let validUntil = `${String(Number(asOf.slice(0, 4)) + 1).padStart(4, '0')}-01-01`;
  const laterMove = (date: string | null) => {
    if (date !== null && date > asOf && date < validUntil) validUntil = date;
  };
  for (const c of input.contributions) {
    if (c.paidAt !== null && c.paidAt <= asOf) paid.add(c.period);
    laterMove(c.paidAt);
  }
  for (const t of input.transfers) laterMove(t.date);
  for (const p of input.payouts ?? []) laterMove(p.date);
  return {
    asOf,
    validUntil,
    statement: encodeStatement(statement),
    paidPeriods: [...paid].sort().join(','),
  };
}

type EncodedYear = [
  year: number,
  opening: number,
  contributions: number,
  transfersIn: number,
  transfersOut: number,
  payouts: number,
  yieldAmount: number,
  closing: number,
  rateBasisPoints: number | null,
  yieldStatus: JhtYieldStatus,
];
type EncodedStatement = [rulesVersion: number, balance: number, missingRates: readonly number[], years: EncodedYear[]];

/** How every statement stored by these rules begins: a row under other rules is computed again. */
const ENCODED_PREFIX = `[${JHT_STATEMENT_RULES_VERSION},`;

/**
 * A statement as stored: JSON of arrays rather than of objects (half the text to parse on each
 * read), led by the version of the domain's rules that computed it.
 */
export function encodeStatement(statement: JhtStatement): string {
  const years = statement.years.map(
    (y): EncodedYear => [
      y.year,
      y.opening,
      y.contributions,
      y.transfersIn,
      y.transfersOut,
      y.payouts,
      y.yield,
      y.closing,
      y.rateBasisPoints,
      y.yieldStatus,
    ],
  );
  return JSON.stringify([
    JHT_STATEMENT_RULES_VERSION,
    statement.balance,
    statement.missingRates,
    years,
  ] satisfies EncodedStatement);
}

export function decodeStatement(text: string): JhtStatement {
  const [rulesVersion, balance, missingRates, years] = JSON.parse(text) as EncodedStatement;
  if (rulesVersion !== JHT_STATEMENT_RULES_VERSION) throw new Error(`a statement stored under rules ${rulesVersion}`);
  return {
    balance,
    missingRates,
    years: years.map(
      ([year, opening, contributions, transfersIn, transfersOut, payouts, yieldAmount, closing, rate, status]) => ({
        year,
        opening,
        contributions,
        transfersIn,
        transfersOut,
        payouts,
        yield: yieldAmount,
        closing,
        rateBasisPoints: rate,
        yieldStatus: status,
      }),
    ),
  };
}

/** Figures read from a stored row, each part decoded when first asked for. */
class StoredFigures implements KpjFigures {
  #statement: JhtStatement | undefined;
  #paidPeriods: readonly IsoPeriod[] | undefined;
  constructor(private readonly row: StoredStatementRow) {}
  get statement(): JhtStatement {
    this.#statement ??= decodeStatement(this.row.statement);
    return this.#statement;
  }
  get paidPeriods(): readonly IsoPeriod[] {
    this.#paidPeriods ??= this.row.paidPeriods === '' ? [] : this.row.paidPeriods.split(',');
    return this.#paidPeriods;
  }
}

/** Does a stored row hold for a statement drawn on `asOf`, under the rules of this build? */
export const holdsOn = (row: StoredStatementRow | null, asOf: string): row is StoredStatementRow =>
  row !== null && row.asOf <= asOf && asOf < row.validUntil && row.statement.startsWith(ENCODED_PREFIX);

/**
 * The figures of each card as of `asOf`, in order: from its stored row where that holds for the
 * day (read with the cards), otherwise computed from the rows and stored for the next read.
 */
export function figuresOf(
  db: Db,
  cards: readonly { readonly kpj: string; readonly stored: StoredStatementRow | null }[],
  asOf: string,
): KpjFigures[] {
  const missing = cards.filter((card) => !holdsOn(card.stored, asOf)).map((card) => card.kpj);
  let computed: Map<string, StoredStatementRow> | undefined;
  if (missing.length > 0) {
    const compute = () => new Map(missing.map((kpj) => [kpj, computeStoredStatement(db, kpj, asOf)]));
    computed =
      writeIfLockFree(db, () => {
        const rows = compute();
        for (const [kpj, row] of rows) storeStatement(db, kpj, row);
        return rows;
      }) ?? compute();
  }
  return cards.map((card) => new StoredFigures(computed?.get(card.kpj) ?? (card.stored as StoredStatementRow)));
}
