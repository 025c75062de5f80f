import { isCompleteInPersonCheck } from '@pulih/domain';
import { z } from 'zod';
import { insertCase } from '../../repositories/case-repository.js';
import { recordFailedVerification } from '../../security/failed-verifications.js';
import { staffProcedure } from '../../trpc.js';
import { caseReasonInput, openCaseOutput } from './case-output.js';
import { auditCaseAction, BRANCH_ROLES, findMemberForCase } from './open-case.js';

export const openBranchInput = z.object({
  kpj: z.string().trim().max(40),
  nik: z.string().trim().max(40),
  documents: z.array(z.enum(['ktp', 'kpj_card'])).max(2),
  photoMatches: z.boolean(),
  reason: caseReasonInput,
});

/**
 * The branch counter: the officer has inspected the KTP (and KPJ card) of the member in front of
 * them. The case passes when KPJ and NIK belong to one member and the in-person check is complete
 * (KTP seen, photo matches, a reason given); it is recorded with the officer's id.
 */
export const openBranch = staffProcedure(BRANCH_ROLES)
  .input(openBranchInput)
  .output(openCaseOutput)
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const { member, nik } = findMemberForCase(ctx.db, input.kpj, input.nik);
    const check = {
      kind: 'in_person_check' as const,
      officerId: String(ctx.staff.staffId),
      documents: [...new Set(input.documents)],
      photoMatches: input.photoMatches,
      reason: input.reason,
    };
    const passed = member !== null && member.nik === nik && isCompleteInPersonCheck(check, 'branch_counter');
    return ctx.db.transaction((tx) => {
      if (member && !passed) recordFailedVerification(tx, ctx.config.secret, member, 'id', now);
      const row = insertCase(
        tx,
        {
          memberId: passed ? member.memberId : null,
          channel: 'branch_counter',
          staffId: ctx.staff.staffId,
          outcome: passed ? 'passed' : 'failed',
          evidence: passed ? [check, { kind: 'knowledge', facts: ['kpj', 'nik'] }] : [],
          reason: input.reason,
        },
        now,
      );
      auditCaseAction(
        tx,
        ctx.staff,
        { row: { ...row, memberId: member?.memberId ?? null } },
        `case.opened.${row.outcome}`,
        { documents: check.documents.join(','), photoMatches: input.photoMatches, reason: input.reason },
        now,
      );
      return { caseId: row.id, outcome: row.outcome, expiresAt: passed ? row.expiresAt : null };
    });
  });
