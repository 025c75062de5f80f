import { z } from 'zod';
import { notifyIncident } from '../../privacy/breach.js';
import { staffProcedure } from '../../trpc.js';
import { incidentReportOutput } from './incident-output.js';
import { incidentIdInput, PRIVACY_ROLES, staffTextInput } from './privacy-input.js';

/**
 * Queues the breach notice to each affected member (email and SMS), recording when; idempotent.
 * Returns the report for the supervisory agency, which the CLI writes to a file.
 */
export const notify = staffProcedure(PRIVACY_ROLES)
  .input(z.object({ incidentId: incidentIdInput, measures: staffTextInput(2_000).optional() }))
  .output(
    z.object({
      queuedNow: z.number(),
      alreadyNotified: z.number(),
      withoutContact: z.number(),
      report: incidentReportOutput,
    }),
  )
  .mutation(({ ctx, input }) =>
    notifyIncident(ctx.db, ctx.staff, input.incidentId, input.measures ?? null, ctx.clock.now()),
  );
