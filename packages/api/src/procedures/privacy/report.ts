import { z } from 'zod';
import { findIncident, incidentReport } from '../../privacy/breach.js';
import { staffProcedure } from '../../trpc.js';
import { incidentReportOutput } from './incident-output.js';
import { incidentIdInput, PRIVACY_ROLES } from './privacy-input.js';

/** The report of an incident as it stands (notices queued and sent so far), without queuing any. */
export const report = staffProcedure(PRIVACY_ROLES)
  .input(z.object({ incidentId: incidentIdInput }))
  .output(incidentReportOutput)
  .query(({ ctx, input }) => incidentReport(ctx.db, findIncident(ctx.db, input.incidentId), ctx.clock.now()));
