import { and, desc, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type JhtClaimState, jhtClaims } from '../db/schema.js';
import { memberIdsOfPerson, personIdOf } from '../repositories/duplicate-repository.js';

export interface ClaimInProgress {
  readonly id: string;
  readonly kpj: string;
  readonly reason: string;
  readonly state: JhtClaimState;
  readonly submittedAt: string;
  readonly updatedAt: string;
}

/**
 * The member's unfinished JHT claims (submitted, verifying or approved and not yet paid), newest
 * first, over the whole person (records merged into it included). A claim is unfinished while its
 * `open_key` is set: rejecting or paying it clears the key.
 */
export function claimsInProgressOf(db: Db, memberId: number): ClaimInProgress[] {
  const memberIds = memberIdsOfPerson(db, personIdOf(db, memberId));
  return db
    .select({
      id: jhtClaims.id,
      kpj: jhtClaims.kpj,
      reason: jhtClaims.reason,
      state: jhtClaims.state,
      submittedAt: jhtClaims.submittedAt,
      updatedAt: jhtClaims.updatedAt,
    })
    .from(jhtClaims)
    .where(and(inArray(jhtClaims.memberId, memberIds), isNotNull(jhtClaims.openKey)))
    .orderBy(desc(jhtClaims.submittedAt), desc(jhtClaims.id))
    .all();
}
