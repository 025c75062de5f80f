import { randomUUID } from 'node:crypto';
import type { LimitWindow, MemberLookupKey } from '@pulih/domain';
import { z } from 'zod';
import { type AuditEntry, appendAudit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import { appError } from '../../errors.js';
import { enqueueNotice } from '../../notifications/outbox.js';
import type { NoticeLocale, NoticeTemplate } from '../../notifications/templates.js';
import type { KioskIdentity } from '../../repositories/kiosk-repository.js';
import { findMemberIdByLookupKey, getMemberRecord, type MemberRecord } from '../../repositories/member-repository.js';
import {
  attemptCode,
  type CodeCheck,
  type IssueRequest,
  issueVerification,
} from '../../repositories/verification-code-repository.js';
import { runEqualWork } from '../../security/equal-work.js';
import { enforceLimit } from '../../security/limits.js';
import type { Context } from '../../trpc.js';
import { codeInput } from '../account/inputs.js';
import { recoveryChannel } from './channel.js';

// The recovery code to the registered phone, shared by "lupa email/akun" (web and kiosk) and the
// kiosk's "Cek saldo & status": how a start is limited, how its code is sent (or the same work
// done and rolled back), and how the code typed back is checked.

export const RECOVERY_CODE_MINUTES = 10;
/** Three recovery attempts a day per NIK/KPJ, counted whatever the outcome, so the count reveals nothing. */
export const RECOVERY_ATTEMPTS_PER_DAY: readonly LimitWindow[] = [{ max: 3, windowSeconds: 86_400 }];

/** The reply of a start: always a request id, whether a code went out or not. */
export const recoveryStartOutput = z.object({ requestId: z.string() });

/**
 * Counts one recovery start against the kiosk's own limit (when it comes from a kiosk) and against
 * the daily limit of each NIK/KPJ typed; throws RATE_LIMITED when one is reached.
 */
export function limitRecoveryStart(
  ctx: Context,
  identifiers: readonly string[],
  now: Date,
): { channel: 'web' | 'kiosk'; kiosk: KioskIdentity | null } {
  const channel = recoveryChannel(ctx, true);
  for (const identifier of identifiers) {
    enforceLimit(ctx.db, ctx.config.secret, 'recovery-attempt', identifier, RECOVERY_ATTEMPTS_PER_DAY, now);
  }
  return channel;
}

/** The member a NIK or KPJ belongs to, if any. */
export function findMemberByLookupKey(tx: Db, key: MemberLookupKey): MemberRecord | null {
  const memberId = findMemberIdByLookupKey(tx, key);
  return memberId === null ? null : getMemberRecord(tx, memberId);
}

export interface RecoveryCodeSend {
  /** The code really goes out; otherwise the same work is done and rolled back, and nothing is sent. */
  readonly isSent: boolean;
  /** The member the typed numbers led to, whether they matched or not. */
  readonly memberId: number | null;
  readonly accountId: number | null;
  /** The phone the SMS goes to (when it goes). */
  readonly destination: string;
  readonly payload: IssueRequest['payload'];
  readonly template: NoticeTemplate;
  readonly locale: NoticeLocale;
  /** What the audit entry (by an anonymous actor, about `memberId`) records. */
  readonly audit: Pick<AuditEntry, 'action' | 'channel' | 'detail'>;
}

/**
 * Issues a recovery code and queues its SMS inside `tx`, with equal work when nothing is to be
 * sent, and audits the start. The request id is the code's when it went out, a random one
 * otherwise: the reply is the same either way.
 */
export function sendRecoveryCode(tx: Db, secret: string, send: RecoveryCodeSend, now: Date): { requestId: string } {
  let requestId: string = randomUUID();
  runEqualWork(tx, send.isSent, (work) => {
    const issued = issueVerification(
      work,
      secret,
      {
        purpose: 'recovery',
        accountId: send.accountId,
        memberId: send.isSent ? send.memberId : null,
        destination: send.destination,
        payload: send.payload,
        validityMinutes: RECOVERY_CODE_MINUTES,
        withCode: true,
        withToken: false,
      },
      now,
    );
    enqueueNotice(
      work,
      {
        channel: 'sms',
        recipient: send.destination,
        template: send.template,
        locale: send.locale,
        data: { code: issued.code ?? '', expiresMinutes: RECOVERY_CODE_MINUTES },
        memberId: send.memberId,
      },
      now,
    );
    if (send.isSent) requestId = issued.id;
  });
  appendAudit(tx, { actorKind: 'anonymous', actorId: null, memberId: send.memberId, ...send.audit }, now);
  return { requestId };
}

/** The code typed back for a recovery request. */
export const recoveryCodeInput = z.object({ requestId: z.string().trim().min(1).max(64), code: codeInput });

/**
 * Checks (and consumes) the code of a recovery request and runs `use` with the outcome, in one
 * immediate transaction. When `use` returns null the code did not open anything: CODE_INVALID.
 */
export function withRecoveryCode<T>(
  ctx: Context,
  input: z.infer<typeof recoveryCodeInput>,
  use: (tx: Db, check: CodeCheck, now: Date) => T | null,
): T {
  const now = ctx.clock.now();
  const result = ctx.db.transaction(
    (tx) => {
      const lookup = { by: 'id', id: input.requestId, purposes: ['recovery'] } as const;
      return use(tx, attemptCode(tx, ctx.config.secret, lookup, input.code, now), now);
    },
    { behavior: 'immediate' },
  );
  if (result === null) throw appError('CODE_INVALID');
  return result;
}
