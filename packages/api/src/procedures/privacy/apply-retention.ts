import { z } from 'zod';
import { applyRetention as purge, retentionPolicy } from '../../privacy/retention.js';
import { staffProcedure } from '../../trpc.js';
import { PRIVACY_ROLES } from './privacy-input.js';

/**
 * Purges what is past retention now (the daily job does the same), each rule audited with its
 * count; with `dryRun` it only says what would go.
 */
export const applyRetention = staffProcedure(PRIVACY_ROLES)
  .input(z.object({ dryRun: z.boolean() }))
  .output(z.object({ dryRun: z.boolean(), removed: z.array(z.object({ rule: z.string(), removed: z.number() })) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    if (input.dryRun) {
      const due = retentionPolicy(ctx.db, ctx.config, now).map((line) => ({ rule: line.rule, removed: line.due }));
      return { dryRun: true, removed: due };
    }
    return { dryRun: false, removed: purge(ctx.db, ctx.config, now, { kind: 'staff', staffId: ctx.staff.staffId }) };
  });
