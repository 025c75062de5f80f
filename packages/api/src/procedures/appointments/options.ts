import { appointmentSlots, bookableDays } from '@pulih/domain';
import { z } from 'zod';
import { bookedSlotCounts, listBranches } from '../../repositories/claim-repository.js';
import { memberProcedure } from '../../trpc.js';

/** What a member may book: the branches, the days, and for a chosen branch and day the free slots. */
export const options = memberProcedure
  .input(
    z.object({
      branchCode: z.string().trim().min(1).max(16).optional(),
      day: z.iso.date().optional(),
    }),
  )
  .output(
    z.object({
      branches: z.array(z.object({ code: z.string(), name: z.string(), address: z.string() })),
      days: z.array(z.string()),
      slots: z.array(z.object({ slot: z.string(), free: z.number() })),
    }),
  )
  .query(({ ctx, input }) => {
    const days = bookableDays(ctx.clock.now().toISOString().slice(0, 10));
    const slots =
      input.branchCode && input.day && days.includes(input.day)
        ? appointmentSlots(bookedSlotCounts(ctx.db, input.branchCode, input.day))
        : [];
    return { branches: listBranches(ctx.db), days, slots };
  });
