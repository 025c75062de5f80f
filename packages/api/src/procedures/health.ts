import { z } from 'zod';
import { publicProcedure } from '../trpc.js';

export const healthOutput = z.object({ ok: z.boolean(), demo: z.boolean() });

export const health = publicProcedure
  .input(z.void())
  .output(healthOutput)
  .query(({ ctx }) => ({ ok: true, demo: ctx.config.env.PULIH_DEMO }));
