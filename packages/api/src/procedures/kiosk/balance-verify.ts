import { decideRecovery, type Evidence } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { jhtClaimStates } from '../../db/schema.js';
import { appError } from '../../errors.js';
import { claimsInProgressOf } from '../../jht/claim-in-progress.js';
import {
  accountStateForRecovery,
  findAccountByMemberId,
  requireMemberRecord,
} from '../../repositories/account-repository.js';
import { failedChecksToday } from '../../security/failed-verifications.js';
import { kioskProcedure } from '../../trpc.js';
import { balanceSummaryOf, dayOf, membershipOutput } from '../jht/balance-summary.js';
import { recoveryCodeInput, withRecoveryCode } from '../recovery/recovery-code.js';
import { KIOSK_BALANCE_FLOW } from './balance-start.js';

export const kioskBalanceOutput = z.object({
  fullName: z.string(),
  asOf: z.string(),
  total: z.number(),
  cards: z.array(
    z.object({
      kpj: z.string(),
      balance: z.number(),
      isActive: z.boolean(),
      mergedIntoKpj: z.string().nullable(),
    }),
  ),
  membership: membershipOutput,
  /** Unfinished claims (submitted, verifying, approved and not yet paid), newest first. */
  claims: z.array(
    z.object({
      reason: z.string(),
      state: z.enum(jhtClaimStates),
      submittedAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});

/** The possession and knowledge the code proves: a code to the registered phone, NIK and KPJ. */
const EVIDENCE: Evidence[] = [{ kind: 'code_to_registered_phone' }, { kind: 'knowledge', facts: ['nik', 'kpj'] }];

/**
 * The SMS code of "Cek saldo & status": with it the kiosk shows the member's JHT balance (in total
 * and per KPJ), the membership status with its reason, and any claim in progress. Only a code of
 * this flow, started at this very kiosk, opens it. The recovery policy has no intent for balances,
 * so its disclosure level for this evidence decides: balances are shown only where a registered
 * contact would be shown in full (not, say, after the day's failed identity checks). Audited.
 */
export const balanceVerify = kioskProcedure
  .input(recoveryCodeInput)
  .output(kioskBalanceOutput)
  .mutation(({ ctx, input }) => {
    const result = withRecoveryCode(ctx, input, (tx, check, now) => {
      if (!check.ok || check.row.memberId === null) return null;
      if (check.payload.flow !== KIOSK_BALANCE_FLOW || check.payload.kioskId !== ctx.kiosk.kioskId) return null;
      const member = requireMemberRecord(tx, check.row.memberId);
      const decision = decideRecovery({
        intent: 'reveal_phone',
        channel: 'kiosk',
        evidence: EVIDENCE,
        member: {
          hasRegisteredEmail: member.email !== null,
          hasRegisteredPhone: member.phone !== null,
          accountState: accountStateForRecovery(findAccountByMemberId(tx, member.memberId)),
          failedKnowledgeChecksToday: failedChecksToday(tx, ctx.config.secret, member.memberId, now),
        },
      });
      const isShown = decision.disclosure === 'full';
      const summary = isShown ? balanceSummaryOf(tx, member.memberId, dayOf(now)) : null;
      const claims = isShown ? claimsInProgressOf(tx, member.memberId) : [];
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: null,
          action: isShown ? 'jht.balance_disclosed' : 'jht.balance_refused',
          memberId: member.memberId,
          channel: 'kiosk',
          detail: {
            via: 'kiosk',
            kioskId: ctx.kiosk.kioskId,
            evidence: 'code_to_registered_phone+nik+kpj',
            reasons: decision.reasons.join(','),
            claimsInProgress: claims.length,
          },
        },
        now,
      );
      if (summary === null) return { refused: decision.reasons } as const;
      return {
        fullName: member.fullName,
        asOf: summary.asOf,
        total: summary.total,
        cards: summary.cards.map((c) => ({
          kpj: c.kpj,
          balance: c.balance,
          isActive: c.isActive,
          mergedIntoKpj: c.mergedIntoKpj,
        })),
        membership: summary.membership,
        claims: claims.map(({ reason, state, submittedAt, updatedAt }) => ({
          reason,
          state,
          submittedAt,
          updatedAt,
        })),
      };
    });
    if ('refused' in result) {
      throw appError('FORBIDDEN', 'Too many failed identity checks today: please ask at the counter.', {
        reasons: result.refused,
      });
    }
    return result;
  });
