import { z } from 'zod';
import { listIncidents } from '../../privacy/breach.js';
import { staffProcedure } from '../../trpc.js';
import { incidentOutput, incidentView } from './incident-output.js';
import { PRIVACY_ROLES } from './privacy-input.js';

/** Every recorded incident, oldest first. */
export const incidents = staffProcedure(PRIVACY_ROLES)
  .input(z.object({}).default({}))
  .output(z.object({ incidents: z.array(incidentOutput) }))
  .query(({ ctx }) => ({ incidents: listIncidents(ctx.db).map(incidentView) }));
