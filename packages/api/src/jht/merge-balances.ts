import { randomUUID } from 'node:crypto';
import { type AuditEntry, appendAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { appError } from '../errors.js';
import { recordBalanceMerge } from '../repositories/jht-repository.js';
import { kpjBalancesOf } from './kpj-balances.js';

export interface BalanceMove {
  readonly fromKpj: string;
  readonly amount: number;
}

/**
 * "Penggabungan saldo": moves the JHT balance of every other KPJ number of the member's person
 * into `intoKpj` (which must be theirs and open), one statement line on both sides, and closes
 * each source as merged into it. A card merged before that received a late contribution is
 * swept again. Runs in one immediate transaction, so two requests at once cannot move a balance
 * twice; contributions stay on their own KPJ, so nothing is counted twice either.
 */
export function mergeBalances(
  db: Db,
  request: {
    memberId: number;
    intoKpj: string;
    channel: 'web' | 'branch_counter';
    requestedBy: string;
    actor: Pick<AuditEntry, 'actorKind' | 'actorId' | 'channel'>;
  },
  now: Date,
): BalanceMove[] {
  const today = now.toISOString().slice(0, 10);
  return db.transaction(
    (tx) => {
      const balances = kpjBalancesOf(tx, request.memberId, today);
      const target = balances.find((b) => b.kpj === request.intoKpj);
      if (!target || target.mergedIntoKpj !== null)
        throw appError('INVALID_INPUT', 'Choose one of your own open KPJ numbers to merge into.');
      const moves = balances
        .filter((b) => b.kpj !== target.kpj && b.statement.balance > 0)
        .map((b) => ({ fromKpj: b.kpj, amount: b.statement.balance }));
      for (const move of moves) {
        recordBalanceMerge(
          tx,
          {
            id: randomUUID(),
            fromKpj: move.fromKpj,
            toKpj: target.kpj,
            transferredOn: today,
            amount: move.amount,
            channel: request.channel,
            requestedBy: request.requestedBy,
          },
          now,
        );
        appendAudit(
          tx,
          {
            ...request.actor,
            action: 'jht.balance_merged',
            memberId: request.memberId,
            detail: { fromKpj: move.fromKpj, toKpj: target.kpj, amount: move.amount },
          },
          now,
        );
      }
      return moves;
    },
    { behavior: 'immediate' },
  );
}
