import { MAX_CONSECUTIVE_FAILURES } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { countFailure, findAccountById } from '../../repositories/account-repository.js';
import { memberProcedure } from '../../trpc.js';
import { confirmContactChangeCode } from './contact-change.js';
import { codeInput } from './inputs.js';
import { contactKind } from './request-contact-change.js';
import { requireRecentAuthentication } from './require-recent-authentication.js';

/** Completes the member's own contact change with the code sent to the new address. */
export const confirmContactChange = memberProcedure
  .input(z.object({ kind: contactKind, code: codeInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    requireRecentAuthentication(ctx);
    const now = ctx.clock.now();
    const account = findAccountById(ctx.db, ctx.member.accountId);
    if (!account) throw appError('UNAUTHENTICATED');
    const outcome = ctx.db.transaction(
      (tx) => {
        if (!confirmContactChangeCode(tx, ctx.config, account, input.kind, input.code, now)) {
          countFailure(tx, account.id, MAX_CONSECUTIVE_FAILURES);
          return 'invalid' as const;
        }
        appendAudit(
          tx,
          {
            actorKind: 'member',
            actorId: String(account.memberId),
            action: `${input.kind}_change.completed`,
            memberId: account.memberId,
            channel: 'web',
            detail: {},
          },
          now,
        );
        return 'ok' as const;
      },
      { behavior: 'immediate' },
    );
    if (outcome === 'invalid') throw appError('CODE_INVALID');
    return { ok: true as const };
  });
