import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { documentKeyring } from '../../env.js';
import { collectMemberData, memberDataOutput } from '../../privacy/member-data.js';
import { memberProcedure } from '../../trpc.js';
import { requireRecentAuthentication } from '../account/require-recent-authentication.js';

/**
 * "Data saya" as JSON: everything held about the member, with the full NIK, so the password must
 * have been entered within the last minutes (a stolen session cookie alone does not export it).
 * Each export is audited, and shows in the member's own access history.
 */
export const myData = memberProcedure
  .input(z.void())
  .output(memberDataOutput)
  .query(({ ctx }) => {
    requireRecentAuthentication(ctx);
    const now = ctx.clock.now();
    const data = collectMemberData(ctx.db, ctx.member.memberId, documentKeyring(ctx.config.documents), now);
    appendAudit(
      ctx.db,
      {
        actorKind: 'member',
        actorId: String(ctx.member.memberId),
        action: 'privacy.data_exported',
        memberId: ctx.member.memberId,
        channel: 'web',
        detail: { format: 'json' },
      },
      now,
    );
    return data;
  });
