import { z } from 'zod';
import { noticeTopics } from '../../db/schema.js';
import { noticePreferencesFor } from '../../notices/jht-notices.js';
import { memberProcedure } from '../../trpc.js';

export const channelChoiceOutput = z.object({ email: z.boolean(), sms: z.boolean() });
export const preferencesOutput = z.object(
  Object.fromEntries(noticeTopics.map((topic) => [topic, channelChoiceOutput])) as Record<
    (typeof noticeTopics)[number],
    typeof channelChoiceOutput
  >,
);

/** Which JHT notices the member gets, by email and by SMS (defaults until they choose). */
export const preferences = memberProcedure
  .output(preferencesOutput)
  .query(({ ctx }) => noticePreferencesFor(ctx.db, ctx.member.memberId));
