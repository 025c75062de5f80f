import { maskNik, parseMemberLookupKey } from '@pulih/domain';
import { z } from 'zod';
import { appError } from '../../errors.js';
import { personIdOf } from '../../repositories/duplicate-repository.js';
import { findMemberIdByLookupKey } from '../../repositories/member-repository.js';
import { staffProcedure } from '../../trpc.js';
import { caseIdInput } from '../case/case-output.js';
import { auditCaseAction, CASE_ROLES, loadOpenCase } from '../case/open-case.js';
import { balanceSummaryOf, balanceSummaryOutput, dayOf } from './balance-summary.js';

export const memberBalanceInput = z.object({
  /** The member's KPJ (11 digits) or NIK (16 digits), as the caller or the card gives it. */
  key: z.string().trim().min(1).max(40),
  /** The verified case of this member (`callcenter verify` or `branch verify`). */
  caseId: caseIdInput,
});

export const memberBalanceOutput = balanceSummaryOutput.extend({
  fullName: z.string(),
  nikMasked: z.string(),
  caseId: z.string(),
  caseChannel: z.enum(['call_center', 'branch_counter']),
});

/**
 * `pulih jht balance`: a member's JHT statement per KPJ and in total, with the membership status
 * and its reason, for the staff member who verified that member. A balance is personal data with
 * no masked form, so unlike `member show` it needs a passed, open case of the caller's (a
 * supervisor may use any): the call center's knowledge check or the branch's in-person check.
 *
 * The case is checked before the KPJ/NIK is looked up, and a number of another member, or of
 * nobody, gets the same answer as a wrong case, so this reveals no more than `member show` does.
 * Every disclosure is audited as a `member.viewed` of the balance, within the case.
 */
export const memberBalance = staffProcedure(CASE_ROLES)
  .input(memberBalanceInput)
  .output(memberBalanceOutput)
  .query(({ ctx, input }) => {
    const key = parseMemberLookupKey(input.key);
    if (!key.ok) throw appError('INVALID_INPUT', 'Give an 11-digit KPJ number or a valid 16-digit NIK.');
    const now = ctx.clock.now();
    const open = loadOpenCase(ctx.db, ctx.staff, input.caseId, now);
    const memberId = findMemberIdByLookupKey(ctx.db, key.value);
    if (memberId === null || personIdOf(ctx.db, memberId) !== personIdOf(ctx.db, open.member.memberId)) {
      throw appError('CASE_NOT_FOUND', 'No open case of yours is about the member with that KPJ or NIK.');
    }
    const summary = balanceSummaryOf(ctx.db, open.member.memberId, dayOf(now));
    auditCaseAction(
      ctx.db,
      ctx.staff,
      open,
      'member.viewed',
      {
        what: 'jht_balance',
        lookupKind: key.value.kind,
        kpjCount: summary.cards.length,
        reason: open.row.reason,
      },
      now,
    );
    return {
      ...summary,
      fullName: open.member.fullName,
      nikMasked: open.member.nik ? maskNik(open.member.nik) : '-',
      caseId: open.row.id,
      caseChannel: open.row.channel,
    };
  });
