import { openIncident as recordIncident } from '../../privacy/breach.js';
import { staffProcedure } from '../../trpc.js';
import { incidentOutput, incidentView } from './incident-output.js';
import { filtersInput, PRIVACY_ROLES, staffFilterOf, staffTextInput } from './privacy-input.js';

/** Records a personal-data incident with the filters that find its members (the 3×24 hours start now). */
export const openIncident = staffProcedure(PRIVACY_ROLES)
  .input(filtersInput.extend({ description: staffTextInput(2_000), measures: staffTextInput(2_000).optional() }))
  .output(incidentOutput)
  .mutation(({ ctx, input }) => {
    const row = recordIncident(
      ctx.db,
      ctx.staff,
      {
        description: input.description,
        measures: input.measures ?? null,
        filters: {
          since: input.since,
          until: input.until ?? null,
          staffId: staffFilterOf(ctx.db, input),
          channel: input.channel ?? null,
          actionPrefix: input.actionPrefix ?? null,
        },
      },
      ctx.clock.now(),
    );
    return incidentView(row);
  });
