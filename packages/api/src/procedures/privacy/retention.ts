import { z } from 'zod';
import { PRIVACY_SETTINGS, privacySettingNames, privacySettingValues } from '../../privacy/privacy-settings.js';
import { retentionPolicy } from '../../privacy/retention.js';
import { staffProcedure } from '../../trpc.js';
import { PRIVACY_ROLES } from './privacy-input.js';

export const retentionLineOutput = z.object({
  rule: z.string(),
  setting: z.string(),
  value: z.number(),
  unit: z.enum(['days', 'hours']),
  removes: z.string(),
  due: z.number(),
});

/** The retention policy with what is due now, and every personal-data setting in force. */
export const retention = staffProcedure(PRIVACY_ROLES)
  .input(z.object({}).default({}))
  .output(
    z.object({
      rules: z.array(retentionLineOutput),
      settings: z.array(
        z.object({ name: z.string(), value: z.number(), default: z.number(), unit: z.string(), meaning: z.string() }),
      ),
    }),
  )
  .query(({ ctx }) => {
    const values = privacySettingValues(ctx.db);
    return {
      rules: retentionPolicy(ctx.db, ctx.config, ctx.clock.now()),
      settings: privacySettingNames.map((name) => ({
        name,
        value: values[name],
        default: PRIVACY_SETTINGS[name].default,
        unit: PRIVACY_SETTINGS[name].unit,
        meaning: PRIVACY_SETTINGS[name].meaning,
      })),
    };
  });
