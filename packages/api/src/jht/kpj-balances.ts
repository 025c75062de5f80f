import type { JhtStatement } from '@pulih/domain';
import type { Db } from '../db/database.js';
import { type KpjCard, personCardsOf } from '../repositories/jht-repository.js';
import { figuresOf } from './stored-statements.js';

export interface KpjBalance extends KpjCard {
  readonly statement: JhtStatement;
  /** Employed on it now (an open participation): the card to merge into. */
  readonly isActive: boolean;
}

/**
 * Every KPJ number of the member's person with its JHT statement as of `asOf`: the domain's
 * statement of the card's rows, read from its stored statement when that holds for the day
 * (`stored-statements.ts`).
 */
export function kpjBalancesOf(db: Db, memberId: number, asOf: string): KpjBalance[] {
  const cards = personCardsOf(db, memberId);
  const figures = figuresOf(db, cards, asOf);
  return cards.map((card, i) => ({
    kpj: card.kpj,
    registeredAt: card.registeredAt,
    mergedIntoKpj: card.mergedIntoKpj,
    closedOn: card.closedOn,
    statement: (figures[i] as (typeof figures)[number]).statement,
    isActive: card.hasOpenParticipation && card.mergedIntoKpj === null,
  }));
}
