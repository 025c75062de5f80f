import { LIMITS, parseKpj, parseNik } from '@pulih/domain';
import { z } from 'zod';
import { appError } from '../../errors.js';
import { consumeLimit, limitKey } from '../../repositories/rate-limit-repository.js';
import { ENUMERATION_SAFE_REPLY_MS, withMinimumDuration } from '../../security/equal-work.js';
import { recordFailedVerification } from '../../security/failed-verifications.js';
import { kioskProcedure } from '../../trpc.js';
import { localeInput } from '../account/inputs.js';
import {
  findMemberByLookupKey,
  limitRecoveryStart,
  recoveryStartOutput,
  sendRecoveryCode,
} from '../recovery/recovery-code.js';

/** Marks the recovery code of "Cek saldo & status", so no other flow's code opens it. */
export const KIOSK_BALANCE_FLOW = 'kiosk_balance';

/** Where the equal work of an unknown NIK/KPJ pretends to send its code: no real number. */
const NOBODY_PHONE = '+620000000000';

export const balanceStartInput = z.object({
  nik: z.string().trim().min(1).max(40),
  kpj: z.string().trim().min(1).max(40),
  locale: localeInput,
});

/**
 * "Cek saldo & status" at a paired kiosk: the walk-in types NIK and KPJ; when both belong to one
 * member, a code goes by SMS to that member's registered phone. The reply is always a request id,
 * whether the numbers exist, match or not, and a typed phone is never asked for: the code only
 * ever goes to the phone on record.
 *
 * It reuses the recovery machinery: the recovery code (10 minutes, 5 tries), the limits of
 * "lupa akun" (3 starts a day per NIK and per KPJ, shared with it; 30 an hour per kiosk), and
 * for the registered phone the per-destination limit, which when reached silently sends nothing.
 */
export const balanceStart = kioskProcedure
  .input(balanceStartInput)
  .output(recoveryStartOutput)
  .mutation(({ ctx, input }) =>
    withMinimumDuration(ENUMERATION_SAFE_REPLY_MS, () => {
      const nik = parseNik(input.nik);
      const kpj = parseKpj(input.kpj);
      if (!nik.ok || !kpj.ok) {
        throw appError('INVALID_INPUT', 'Enter the 16-digit NIK from the KTP and the 11-digit KPJ number.');
      }
      const now = ctx.clock.now();
      limitRecoveryStart(ctx, [kpj.value, nik.value.nik], now);
      return ctx.db.transaction((tx) => {
        const member = findMemberByLookupKey(tx, { kind: 'kpj', kpj: kpj.value });
        const matches = member !== null && member.nik === nik.value.nik && member.phone !== null;
        if (member && member.nik !== nik.value.nik) {
          recordFailedVerification(tx, ctx.config.secret, member, input.locale, now);
        }
        const phone = matches ? (member?.phone ?? NOBODY_PHONE) : NOBODY_PHONE;
        // A phone that has had its codes for now gets none, and the reply stays the same.
        const canText =
          matches &&
          consumeLimit(tx, limitKey(ctx.config.secret, 'code-send', phone), LIMITS.codeSendsPerDestination, now)
            .allowed;
        return sendRecoveryCode(
          tx,
          ctx.config.secret,
          {
            isSent: canText,
            memberId: member?.memberId ?? null,
            accountId: null,
            destination: phone,
            payload: { flow: KIOSK_BALANCE_FLOW, knowledge: 'nik', channel: 'kiosk', kioskId: ctx.kiosk.kioskId },
            template: 'kiosk_balance_code',
            locale: input.locale,
            audit: {
              action: canText ? 'jht.balance_code_sent' : 'jht.balance_no_match',
              channel: 'kiosk',
              detail: {
                knowledge: 'nik+kpj',
                kioskId: ctx.kiosk.kioskId,
                ...(matches && !canText ? { skipped: 'destination_limit' } : {}),
              },
            },
          },
          now,
        );
      });
    }),
  );
