import { type KnowledgeFact, normalizePersonName } from '@pulih/domain';
import { z } from 'zod';
import { appError } from '../../errors.js';
import { insertCase } from '../../repositories/case-repository.js';
import {
  failedChecksToday,
  MAX_FAILED_CHECKS_PER_DAY,
  recordFailedVerification,
} from '../../security/failed-verifications.js';
import { motherNameMatches } from '../../security/identity-digest.js';
import { staffProcedure } from '../../trpc.js';
import { openCaseOutput } from './case-output.js';
import { auditCaseAction, CALL_CENTER_ROLES, findMemberForCase } from './open-case.js';

export const openCallCenterInput = z.object({
  kpj: z.string().trim().max(40),
  nik: z.string().trim().max(40),
  fullName: z.string().trim().max(120),
  birthDate: z.string().trim().max(10),
  motherName: z.string().trim().max(120),
});

/**
 * Call center 175: the agent types what the caller says. The case passes only when every fact
 * matches the registry, and says only passed or failed, never which answer was wrong, so the
 * agent cannot become an oracle. Failures count per member and day across staff channels.
 */
export const openCallCenter = staffProcedure(CALL_CENTER_ROLES)
  .input(openCallCenterInput)
  .output(openCaseOutput)
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const { member, nik } = findMemberForCase(ctx.db, input.kpj, input.nik);
    if (member && failedChecksToday(ctx.db, ctx.config.secret, member.memberId, now) >= MAX_FAILED_CHECKS_PER_DAY) {
      throw appError('RATE_LIMITED', 'Verification for this member is closed for today after 3 failed attempts.');
    }
    const matched: KnowledgeFact[] = [];
    if (member) {
      matched.push('kpj');
      if (member.nik !== null && member.nik === nik) matched.push('nik');
      if (normalizePersonName(member.fullName) === normalizePersonName(input.fullName)) matched.push('full_name');
      if (member.birthDate !== null && member.birthDate === input.birthDate) matched.push('birth_date');
      if (motherNameMatches(ctx.config.identityKey, member.motherNameDigest, input.motherName)) {
        matched.push('mother_name');
      }
    }
    const passed = member !== null && matched.length === 5;
    return ctx.db.transaction((tx) => {
      if (member && !passed) recordFailedVerification(tx, ctx.config.secret, member, 'id', now);
      const row = insertCase(
        tx,
        {
          memberId: passed ? member.memberId : null,
          channel: 'call_center',
          staffId: ctx.staff.staffId,
          outcome: passed ? 'passed' : 'failed',
          evidence: passed ? [{ kind: 'knowledge', facts: matched }] : [],
          reason: null,
        },
        now,
      );
      // The audit names the member (when known) but never which fact failed.
      auditCaseAction(
        tx,
        ctx.staff,
        { row: { ...row, memberId: member?.memberId ?? null } },
        `case.opened.${row.outcome}`,
        {},
        now,
      );
      return { caseId: row.id, outcome: row.outcome, expiresAt: passed ? row.expiresAt : null };
    });
  });
