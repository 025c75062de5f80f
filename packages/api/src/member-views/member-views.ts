import type { z } from 'zod';
import type { Db } from '../db/database.js';
import { JsonText } from '../http/json-text.js';
import { type MemberViewKind, type StoredMemberView, storeMemberView } from '../repositories/member-view-repository.js';
import { writeIfLockFree } from '../repositories/prepared.js';
import type { MemberSession } from '../repositories/session-repository.js';

/**
 * Stored views (`member_views`): the portal's two hottest reads, a member's profile and their
 * KPJ balances, kept as the JSON text of the reply, so that the next read of the same member is
 * the session's row and the view's row in one statement (`findMemberSessionWithView`), served
 * as it is — no statement decoding, no status rules, no output validation, no serialising.
 *
 * - A view is what the procedure computed from the rows at `as_of`, validated against its output
 *   schema. It holds until `valid_until`: the next UTC midnight (the replies are drawn as of the
 *   UTC day), or earlier when the reply changes with time alone (contacts falling due for
 *   reconfirmation). It carries `MEMBER_VIEWS_VERSION`: a view stored by a build that computed
 *   or shaped replies differently is computed again, not served.
 * - Triggers (migration 0011) delete every view of a person in the same transaction as any change
 *   to what it is computed from, whoever writes, in any process sharing the file: directly for
 *   the person's records, contacts, cards and participations; for contributions, transfers, paid
 *   claims and yields through the stored statements those changes delete (so a view is stored
 *   only with the statements of all the person's cards, in the same transaction, and only for a
 *   record that is not merged). So a view served is never older than the rows, and a revoked
 *   session is refused as before: the session is checked in the same statement, same rules.
 * - A read that finds no view that holds computes the reply and stores it, in an IMMEDIATE
 *   transaction taken only if the write lock is free at once (`writeIfLockFree`): under the lock
 *   no row can change between computing and storing, and a busy writer never makes a member wait
 *   (the reply is then computed and returned without being stored).
 */

/** Raise when a view's computation or shape changes: views stored by other builds are not served. */
export const MEMBER_VIEWS_VERSION = 1;

/** A reply computed from the rows, and the instant from which it may no longer hold. */
export interface ComputedView<T> {
  readonly value: T;
  readonly validUntil: string;
}

/** What a member procedure with a stored view has in its context (`memberProcedure` in `trpc.ts`). */
export interface MemberViewContext {
  readonly db: Db;
  readonly clock: { now(): Date };
  readonly request: { readonly servesJsonText: boolean };
  readonly member: MemberSession;
  readonly storedView: StoredMemberView | null;
}

/** The first instant of the next UTC day. */
export function nextUtcMidnight(now: Date): string {
  const next = new Date(now.getTime());
  next.setUTCHours(24, 0, 0, 0);
  return next.toISOString();
}

/** Does a stored view hold at `at` (an ISO instant), for this build? */
export const viewHolds = (view: StoredMemberView | null, at: string): view is StoredMemberView =>
  view !== null && view.version === MEMBER_VIEWS_VERSION && view.asOf <= at && at < view.validUntil;

/**
 * The reply of a procedure with a stored view: the view read with the session when it holds,
 * otherwise `compute` from the rows (stored for the next read when the write lock is free).
 */
export function servedMemberView<S extends z.ZodType>(
  ctx: MemberViewContext,
  kind: MemberViewKind,
  output: S,
  compute: (now: Date) => ComputedView<z.input<S>>,
): z.input<S> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (viewHolds(ctx.storedView, at)) return replyOf(ctx, ctx.storedView.body);
  const body = writeIfLockFree(ctx.db, () => {
    const computed = compute(now);
    const text = JSON.stringify(output.parse(computed.value));
    storeMemberView(ctx.db, ctx.member.memberId, kind, {
      asOf: at,
      validUntil: computed.validUntil,
      version: MEMBER_VIEWS_VERSION,
      body: text,
    });
    return text;
  });
  // Not stored (a writer holds the lock): the reply as computed, validated by the procedure.
  return body === null ? compute(now).value : replyOf(ctx, body);
}

/** The text itself for the tRPC handler to splice into its reply; the value for anyone else. */
const replyOf = <T>(ctx: MemberViewContext, body: string): T =>
  (ctx.request.servesJsonText ? new JsonText(body) : JSON.parse(body)) as T;
