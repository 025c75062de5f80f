import { computeJhtStatement, type JhtStatement, type JhtStatementInput } from '@pulih/domain';
import type { Db } from '../db/database.js';
import { paidClaimsOfKpj } from '../repositories/claim-repository.js';
import { memberIdsOfPerson, personIdOf } from '../repositories/duplicate-repository.js';
import {
  jhtContributionsOf,
  type KpjCard,
  kpjCardsOf,
  participationsOf,
  transfersOf,
  yieldRates,
} from '../repositories/jht-repository.js';

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

export interface KpjBalance extends KpjCard {
  readonly statement: JhtStatement;
  /** Employed on it now (an open participation): the card to merge into. */
  readonly isActive: boolean;
}

/** Every KPJ number of the member's person with its JHT statement as of `asOf`. */
export function kpjBalancesOf(db: Db, memberId: number, asOf: string): KpjBalance[] {
  const cards = kpjCardsOf(db, memberIdsOfPerson(db, personIdOf(db, memberId)));
  const open = new Set(
    participationsOf(
      db,
      cards.map((c) => c.kpj),
    )
      .filter((p) => p.endedOn === null)
      .map((p) => p.kpj),
  );
  return cards.map((card) => ({
    ...card,
    statement: computeJhtStatement(statementInputOf(db, card.kpj, asOf)),
    isActive: open.has(card.kpj) && card.mergedIntoKpj === null,
  }));
}
