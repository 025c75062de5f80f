import { discloseContact, maskNik } from '@pulih/domain';
import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { caseIdInput } from './case-output.js';
import { auditCaseAction, CASE_ROLES, decideInCase, loadOpenCase } from './open-case.js';

export const caseShowOutput = z.object({
  caseId: z.string(),
  channel: z.enum(['call_center', 'branch_counter']),
  outcome: z.enum(['passed', 'failed']),
  expiresAt: z.string(),
  closedAt: z.string().nullable(),
  member: z.object({
    fullName: z.string(),
    kpjNumbers: z.array(z.string()),
    nikMasked: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    disclosure: z.enum(['none', 'masked', 'full']),
    hasOnlineAccount: z.boolean(),
    accountState: z.string(),
  }),
  allowed: z.object({
    sendReset: z.boolean(),
    resetDelivery: z.enum(['registered_email', 'registered_phone', 'printed_in_person']).nullable(),
    printCode: z.boolean(),
    changeContact: z.boolean(),
  }),
  reasons: z.array(z.string()),
});

/**
 * What the staff member may see and do within a verified case, as the recovery policy decides:
 * masked contacts after a call-center check, full ones after an in-person check (audited).
 */
export const show = staffProcedure(CASE_ROLES)
  .input(z.object({ caseId: caseIdInput }))
  .output(caseShowOutput)
  .query(({ ctx, input }) => {
    const now = ctx.clock.now();
    const open = loadOpenCase(ctx.db, ctx.staff, input.caseId, now);
    const reveal = decideInCase(ctx.db, ctx.config.secret, open, 'reveal_email', now);
    const reset = decideInCase(ctx.db, ctx.config.secret, open, 'reset_password', now);
    const change = decideInCase(ctx.db, ctx.config.secret, open, 'change_email', now);
    const contact = discloseContact(
      { email: open.member.email, phone: open.member.phone },
      reveal.allowed ? reveal.disclosure : 'none',
    );
    auditCaseAction(
      ctx.db,
      ctx.staff,
      open,
      'member.viewed',
      { disclosure: contact.level, reason: open.row.reason },
      now,
    );
    const printed = reset.allowed && reset.resetDelivery === 'printed_in_person';
    return {
      caseId: open.row.id,
      channel: open.row.channel,
      outcome: open.row.outcome,
      expiresAt: open.row.expiresAt,
      closedAt: open.row.closedAt,
      member: {
        fullName: open.member.fullName,
        kpjNumbers: [...open.member.kpjNumbers],
        nikMasked: open.member.nik ? maskNik(open.member.nik) : '-',
        email: contact.email,
        phone: contact.phone,
        disclosure: contact.level,
        hasOnlineAccount: open.account !== null && open.account.state !== 'pending',
        accountState: open.account?.state ?? 'none',
      },
      allowed: {
        sendReset: reset.allowed && !printed && reset.resetDelivery !== undefined,
        resetDelivery: reset.allowed ? (reset.resetDelivery ?? null) : null,
        printCode: printed,
        changeContact: change.allowed,
      },
      reasons: [...new Set([...reveal.reasons, ...reset.reasons, ...change.reasons])],
    };
  });
