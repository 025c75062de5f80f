import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import {
  isPrivacySettingName,
  PRIVACY_SETTINGS,
  privacySetting,
  savePrivacySetting,
} from '../../privacy/privacy-settings.js';
import { staffProcedure } from '../../trpc.js';

/** An admin changes one personal-data setting (a retention period or a deadline), within its range; audited. */
export const setSetting = staffProcedure(['admin'])
  .input(z.object({ name: z.string().trim(), value: z.number().int() }))
  .output(z.object({ name: z.string(), previous: z.number(), value: z.number() }))
  .mutation(({ ctx, input }) => {
    if (!isPrivacySettingName(input.name)) {
      throw appError('INVALID_INPUT', `No setting is called ${input.name}; see \`pulih privacy retention\`.`);
    }
    const setting = PRIVACY_SETTINGS[input.name];
    if (input.value < setting.min || input.value > setting.max) {
      throw appError(
        'INVALID_INPUT',
        `${input.name} must be between ${setting.min} and ${setting.max} ${setting.unit}.`,
      );
    }
    const now = ctx.clock.now();
    return ctx.db.transaction((tx) => {
      const previous = privacySetting(tx, input.name as keyof typeof PRIVACY_SETTINGS);
      savePrivacySetting(tx, input.name as keyof typeof PRIVACY_SETTINGS, input.value, ctx.staff.staffId, now);
      appendAudit(
        tx,
        {
          actorKind: 'staff',
          actorId: String(ctx.staff.staffId),
          action: 'privacy.setting_changed',
          memberId: null,
          channel: 'cli',
          detail: { name: input.name, previous, value: input.value },
        },
        now,
      );
      return { name: input.name, previous, value: input.value };
    });
  });
