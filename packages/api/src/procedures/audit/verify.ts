import { z } from 'zod';
import { verifyAuditChain } from '../../audit/audit-chain.js';
import { staffProcedure } from '../../trpc.js';

export const auditVerifyOutput = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int() }),
  z.object({ ok: z.literal(false), firstBrokenId: z.number().int(), entries: z.number().int() }),
]);

/** Recomputes the hash chain of the whole audit log and names the first entry that does not fit. */
export const auditVerify = staffProcedure(['supervisor', 'admin'])
  .output(auditVerifyOutput)
  .query(({ ctx }) => verifyAuditChain(ctx.db));
