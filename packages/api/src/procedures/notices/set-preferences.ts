import { appendAudit } from '../../audit/audit-log.js';
import { noticeTopics } from '../../db/schema.js';
import { noticePreferencesFor } from '../../notices/jht-notices.js';
import { saveNoticePreference } from '../../repositories/claim-repository.js';
import { memberProcedure } from '../../trpc.js';
import { preferencesOutput } from './preferences.js';

/** The member chooses email and/or SMS for each kind of JHT notice. */
export const setPreferences = memberProcedure
  .input(preferencesOutput.partial())
  .output(preferencesOutput)
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    return ctx.db.transaction((tx) => {
      for (const topic of noticeTopics) {
        const choice = input[topic];
        if (!choice) continue;
        saveNoticePreference(tx, { memberId: ctx.member.memberId, topic, ...choice, updatedAt: now.toISOString() });
      }
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: String(ctx.member.memberId),
          action: 'notices.preferences_changed',
          memberId: ctx.member.memberId,
          channel: 'web',
          detail: Object.fromEntries(
            Object.entries(input).map(([topic, c]) => [topic, `${c?.email ? 'email' : ''}${c?.sms ? '+sms' : ''}`]),
          ),
        },
        now,
      );
      return noticePreferencesFor(tx, ctx.member.memberId);
    });
  });
