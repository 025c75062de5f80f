import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { updateContact } from '../../repositories/account-repository.js';
import { memberProcedure } from '../../trpc.js';

/** "Yes, these are still mine": the yearly confirmation of the registered email and phone. */
export const confirmContacts = memberProcedure
  .input(z.void())
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx }) => {
    const now = ctx.clock.now();
    ctx.db.transaction((tx) => {
      updateContact(tx, ctx.member.memberId, { confirmedAt: now.toISOString() }, now);
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: String(ctx.member.memberId),
          action: 'contacts.confirmed',
          memberId: ctx.member.memberId,
          channel: 'web',
          detail: {},
        },
        now,
      );
    });
    return { ok: true as const };
  });
