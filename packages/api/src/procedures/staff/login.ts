import { decideLoginThrottle } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { staffRoles } from '../../db/schema.js';
import { appError } from '../../errors.js';
import { limitKey, recentEvents, recordEvent } from '../../repositories/rate-limit-repository.js';
import { createStaffToken } from '../../repositories/session-repository.js';
import {
  claimTotpStep,
  findStaffLoginCandidate,
  markTotpEnrolled,
  setPendingTotpSecret,
} from '../../repositories/staff-repository.js';
import { verifyPassword } from '../../security/password.js';
import { generateTotpSecret, totpUri, verifyTotp } from '../../security/totp.js';
import { publicProcedure } from '../../trpc.js';
import { openTotpSecret, sealTotpSecret } from './totp-secret.js';

export const staffLoginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  /** The 6-digit code of the authenticator app; spaces are allowed (`123 456`). */
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{3}$/, 'six digits')
    .transform((code) => code.replace(' ', ''))
    .optional(),
});

export const staffLoginOutput = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    token: z.string(),
    expiresAt: z.string(),
    username: z.string(),
    fullName: z.string(),
    role: z.enum(staffRoles),
  }),
  /** First login: the password was right; scan the secret and log in again with a code. No token yet. */
  z.object({
    status: z.literal('enrollment_required'),
    enrollmentRequired: z.literal(true),
    secret: z.string(),
    otpauthUri: z.string(),
  }),
]);

const WRONG_PASSWORD = 'The username or password is wrong.';
const WRONG_CODE = 'The authenticator code is wrong or expired.';

/**
 * Staff log in with password and TOTP. A wrong password gets the same reply whatever the
 * username (verifyPassword spends a dummy hash on unknown ones); only after the right password
 * does the reply tell a missing code (TOTP_REQUIRED) or start enrollment.
 */
export const staffLogin = publicProcedure
  .input(staffLoginInput)
  .output(staffLoginOutput)
  .mutation(async ({ ctx, input }) => {
    const now = ctx.clock.now();
    // Password and code guesses share one throttle per username, known or not.
    const failureKey = limitKey(ctx.config.secret, 'staff-login-fail', input.username.toLowerCase());
    const throttle = decideLoginThrottle(recentEvents(ctx.db, failureKey, 3600, now), now);
    if (!throttle.allowed) throw appError('RATE_LIMITED', undefined, { retryAfterSeconds: throttle.retryAfterSeconds });
    const staff = findStaffLoginCandidate(ctx.db, input.username);
    const passwordMatches = await verifyPassword(staff?.passwordHash ?? null, input.password);
    const fail = (staffId: number | null, reason: 'password' | 'disabled' | 'totp_missing' | 'totp_wrong') => {
      if (reason !== 'totp_missing') recordEvent(ctx.db, failureKey, now);
      appendAudit(
        ctx.db,
        {
          actorKind: staffId === null ? 'anonymous' : 'staff',
          actorId: staffId === null ? null : String(staffId),
          action: 'staff.login.failed',
          memberId: null,
          channel: 'cli',
          // Never the password or the code: only which step failed.
          detail: { username: input.username, reason, ip: ctx.request.ip },
        },
        now,
      );
    };

    if (!staff || !passwordMatches || staff.disabledAt !== null) {
      // A disabled user with the right password hears the same as a wrong password.
      fail(null, staff && passwordMatches ? 'disabled' : 'password');
      throw appError('INVALID_CREDENTIALS', WRONG_PASSWORD);
    }

    const isEnrolled = staff.totpEnrolledAt !== null && staff.totpSecretEncrypted !== null;
    if (!isEnrolled && (staff.totpSecretEncrypted === null || input.totpCode === undefined)) {
      // First login: keep (or reuse) a pending secret; the user scans it and logs in again with a code.
      let secret: string;
      if (staff.totpSecretEncrypted === null) {
        secret = generateTotpSecret();
        setPendingTotpSecret(ctx.db, staff.staffId, sealTotpSecret(ctx.config, secret));
      } else {
        secret = openTotpSecret(ctx.config, staff.totpSecretEncrypted);
      }
      appendAudit(
        ctx.db,
        {
          actorKind: 'staff',
          actorId: String(staff.staffId),
          action: 'staff.totp.enrollment_started',
          memberId: null,
          channel: 'cli',
          detail: { ip: ctx.request.ip },
        },
        now,
      );
      return {
        status: 'enrollment_required' as const,
        enrollmentRequired: true as const,
        secret,
        otpauthUri: totpUri(staff.username, secret),
      };
    }

    if (input.totpCode === undefined) {
      fail(staff.staffId, 'totp_missing');
      throw appError('TOTP_REQUIRED');
    }
    const secret = openTotpSecret(ctx.config, staff.totpSecretEncrypted ?? '');
    const checked = verifyTotp(secret, input.totpCode, now);
    if (!checked.ok || !claimTotpStep(ctx.db, staff.staffId, checked.step)) {
      fail(staff.staffId, 'totp_wrong');
      throw appError('INVALID_CREDENTIALS', WRONG_CODE);
    }

    const issued = ctx.db.transaction((tx) => {
      if (!isEnrolled) {
        markTotpEnrolled(tx, staff.staffId, now);
        appendAudit(
          tx,
          {
            actorKind: 'staff',
            actorId: String(staff.staffId),
            action: 'staff.totp.enrolled',
            memberId: null,
            channel: 'cli',
            detail: { ip: ctx.request.ip },
          },
          now,
        );
      }
      const result = createStaffToken(tx, staff.staffId, now);
      appendAudit(
        tx,
        {
          actorKind: 'staff',
          actorId: String(staff.staffId),
          action: 'staff.login.succeeded',
          memberId: null,
          channel: 'cli',
          detail: { ip: ctx.request.ip },
        },
        now,
      );
      return result;
    });
    return {
      status: 'ok' as const,
      ...issued,
      username: staff.username,
      fullName: staff.fullName,
      role: staff.role,
    };
  });
