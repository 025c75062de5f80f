import { type AuditEntry, appendAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { enqueueNotice } from '../notifications/outbox.js';
import { type AccountRow, closeAccount } from '../repositories/account-repository.js';

/**
 * Closes a duplicate account, tells its email, and audits who did it, in the caller's
 * transaction: the member themselves (after proving control) or staff with a reason.
 */
export function closeDuplicateAccount(
  db: Db,
  account: AccountRow,
  email: string | null,
  reason: string,
  audit: Pick<AuditEntry, 'actorKind' | 'actorId' | 'channel' | 'detail'>,
  now: Date,
): void {
  closeAccount(db, account.id, reason, now);
  if (email)
    enqueueNotice(
      db,
      {
        channel: 'email',
        recipient: email,
        template: 'account_closed_notice',
        locale: account.locale,
        data: {},
        memberId: account.memberId,
      },
      now,
    );
  appendAudit(
    db,
    {
      ...audit,
      action: 'account.closed',
      memberId: account.memberId,
      detail: { accountId: account.id, ...audit.detail },
    },
    now,
  );
}
