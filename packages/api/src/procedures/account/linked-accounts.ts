import type { Db } from '../../db/database.js';
import {
  accountsOfMembers,
  type LinkedAccount,
  memberIdsOfPerson,
  openMatchesOf,
  personIdOf,
} from '../../repositories/duplicate-repository.js';

/** How long a proof of control of another account counts for closing it. */
export const CONTROL_PROOF_MINUTES = 15;

/**
 * The other live accounts of the member's person ("akun ganda"): accounts on records merged
 * with theirs, and on records a duplicate scan found to be the same person (`match`) that staff
 * have not merged yet. Closing any of them still needs proof of control, so a wrong match can
 * never close someone else's account.
 */
export function linkedAccountsOf(db: Db, memberId: number): LinkedAccount[] {
  const person = memberIdsOfPerson(db, personIdOf(db, memberId));
  const matched = openMatchesOf(db, person).flatMap((id) => memberIdsOfPerson(db, personIdOf(db, id)));
  return accountsOfMembers(db, [...new Set([...person, ...matched])]).filter(
    (a) => a.state !== 'closed' && a.state !== 'pending',
  );
}

export const controlProofSince = (now: Date): string =>
  new Date(now.getTime() - CONTROL_PROOF_MINUTES * 60_000).toISOString();
